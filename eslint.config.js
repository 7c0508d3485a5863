import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/*
 * The layer rules of docs/ARCHITECTURE.md (and DESIGN.md), as import restrictions per folder. A
 * pattern is a regular expression over the import as written: relative imports climb with `../`, so
 * `^(\.\./)+storage/` is "anything in src/storage/" from anywhere in src/. Dynamic `import()` is not
 * covered (the few there load heavy modules on first use from the layer allowed to).
 * What an import rule cannot see (a transport reaching `ctx.repos`, a route checking roles itself)
 * is held by transportRules below.
 */
const layer = (...names) => `^(\\.\\./)+(${names.join('|')})(/|\\.js$)`;
const packages = (...names) => `^(${names.join('|')})(/|$)`;
const drivers = ['kysely', 'pg', 'better-sqlite3', 'nodemailer', 'sharp'];
const restrict = (files, patterns) => ({
  files,
  rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] },
});
const forbid = (regex, message, options = {}) => ({ regex, message, ...options });

const httpPatterns = [
  forbid(
    layer('storage', 'adapters', 'cli', 'jobs', 'demo', 'main'),
    'HTTP is a transport: it calls domain operations and gets what it needs from the composition root (HttpSite).',
  ),
  forbid(packages(...drivers), 'HTTP is a transport: no database, mail or image driver.'),
  forbid(
    layer('themes'),
    'HTTP renders through the Theme the composition root hands it (HttpSite.theme, src/rendering/theme.ts); it imports no theme.',
  ),
  forbid(
    '^(\\.\\./)+domain/staff/permissions\\.js$',
    'Authorization lives in the operations, which get the actor.',
    {
      importNames: ['assertCan', 'can', 'grantFor'],
    },
  ),
];

const layerRules = [
  restrict(
    ['src/domain/**/*.ts'],
    [
      forbid(
        layer('storage', 'http', 'adapters', 'cli', 'jobs', 'demo', 'main', 'config'),
        'The domain imports only domain/ (and pure rendering); it reaches the world through the ports in domain/ports.ts.',
      ),
      forbid(
        packages(...drivers, 'fastify', '@fastify'),
        'The domain knows no SQL, HTTP, SMTP or images: use a port.',
      ),
    ],
  ),
  restrict(
    ['src/rendering/**/*.ts'],
    [
      forbid(
        layer('storage', 'http', 'adapters', 'cli', 'jobs', 'demo', 'main', 'config'),
        'Rendering is pure: content in, HTML or text out.',
      ),
      forbid(
        '^(\\.\\./)+domain/(?!shared/)',
        'Rendering takes domain types only, never operations (no side effects).',
        {
          allowTypeImports: true,
        },
      ),
      forbid(
        packages(...drivers, 'fastify', '@fastify'),
        'Rendering is pure: no database, HTTP, mail or images.',
      ),
    ],
  ),
  restrict(
    ['src/storage/**/*.ts'],
    [
      forbid(
        layer('http', 'cli', 'jobs', 'demo', 'main', 'rendering'),
        'Storage holds SQL and nothing else.',
      ),
      forbid(packages('fastify', '@fastify', 'nodemailer', 'sharp'), 'Storage holds SQL and nothing else.'),
    ],
  ),
  restrict(
    ['src/adapters/**/*.ts'],
    // The search adapters write SQL through storage's tables and filters; storage builds them.
    [
      forbid(
        layer('http', 'cli', 'jobs', 'demo', 'main'),
        'Adapters implement ports; they call no transport.',
      ),
    ],
  ),
  restrict(['src/http/**/*.ts'], httpPatterns),
  restrict(
    ['src/http/content-api/**/*.ts'],
    [
      ...httpPatterns,
      forbid(
        '^\\.\\./(admin-api|admin-app|site)/',
        'The Content API is a transport of its own: it shares nothing with the Admin API or the site but the domain.',
      ),
      forbid(
        '^(\\.\\./)+domain/(posts/(save-post|editorial|revisions)|staff/(staff|accounts|sign-in)|members/.*|newsletters/(sending|publish-and-send))\\.js$',
        'The Content API only reads: it calls read operations, never one that writes.',
      ),
    ],
  ),
  restrict(
    ['src/jobs/**/*.ts'],
    [
      forbid(
        layer('storage', 'adapters', 'http', 'cli', 'demo', 'main'),
        'Jobs go through domain operations.',
      ),
      forbid(packages(...drivers, 'fastify', '@fastify'), 'Jobs go through domain operations.'),
    ],
  ),
  restrict(
    ['src/cli/**/*.ts'],
    [
      // The command opens the site through the composition root (main.ts) and starts its roles.
      forbid(layer('storage', 'adapters'), 'The command goes through main.ts and domain operations.'),
      forbid(packages(...drivers), 'The command goes through main.ts and domain operations.'),
      forbid(packages('fastify', '@fastify'), 'The command starts the HTTP app through src/http/app.ts.', {
        allowTypeImports: true,
      }),
    ],
  ),
  restrict(
    ['admin/**/*.{ts,tsx}'],
    [
      forbid(
        '^(\\.\\./)+src/(domain|storage|http|adapters|rendering|jobs|cli|config|demo|main)',
        'The admin app talks only to the Admin API; it imports nothing from the server.',
      ),
      forbid(packages(...drivers, 'fastify', '@fastify'), 'The admin app runs in the browser.'),
    ],
  ),
];

/*
 * Transports call domain operations and read models, never repositories: no `.repos` of the
 * DomainContext they are given (an import rule cannot see it).
 */
const noRepositories = {
  selector: "MemberExpression[property.name='repos']",
  message: 'Transports call domain operations and read models, never repositories.',
};
const transportRules = {
  files: ['src/http/**/*.ts', 'src/jobs/**/*.ts', 'src/cli/**/*.ts'],
  rules: { 'no-restricted-syntax': ['error', noRepositories] },
};
// Admin API endpoints are declarations (endpoint.ts) served by the one pipeline (pipeline.ts): a
// route file that registers a route of its own steps around it.
const adminEndpointRules = {
  files: ['src/http/admin-api/**/*.ts'],
  ignores: ['src/http/admin-api/pipeline.ts', 'src/http/admin-api/admin-api.ts'],
  rules: {
    'no-restricted-syntax': [
      'error',
      noRepositories,
      {
        selector:
          'CallExpression[callee.property.name=/^(route|get|post|put|patch|delete|all|register|addContentTypeParser)$/][callee.object.name=/^(app|scope|fastify|instance)$/]',
        message: 'Declare the endpoint with endpoint() and let serveEndpoints (pipeline.ts) serve it.',
      },
    ],
  },
};

// Content API endpoints are ContentEndpoint declarations served by the one pipeline (pipeline.ts).
const contentEndpointRules = {
  files: ['src/http/content-api/**/*.ts'],
  ignores: ['src/http/content-api/pipeline.ts'],
  rules: {
    'no-restricted-syntax': [
      'error',
      noRepositories,
      {
        selector:
          'CallExpression[callee.property.name=/^(route|get|post|put|patch|delete|all|options|register)$/][callee.object.name=/^(app|scope|fastify|instance)$/]',
        message: 'Declare a ContentEndpoint and let serveContentEndpoints (pipeline.ts) serve it.',
      },
    ],
  },
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'content/', 'test/fixtures/', '.tmp/'] },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  ...layerRules,
  transportRules,
  adminEndpointRules,
  contentEndpointRules,
  {
    // The admin app runs in the browser.
    files: ['admin/**/*.{ts,tsx}'],
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        navigator: 'readonly',
        location: 'readonly',
        history: 'readonly',
        fetch: 'readonly',
        requestAnimationFrame: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        URLSearchParams: 'readonly',
        Intl: 'readonly',
      },
    },
  },
);
