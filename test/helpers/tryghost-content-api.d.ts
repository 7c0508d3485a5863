/* Ghost's Content API client ships no types; the test reads its answers as plain JSON. */
declare module '@tryghost/content-api';
