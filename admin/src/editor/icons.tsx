// The editor's icons as inline SVG (no emoji, no icon font): decorative, so hidden from assistive
// technology; every button that shows one carries its own accessible name.
import type { JSX } from 'preact';

const paths = {
  paragraph: 'M13 4v16M17 4v16M9 4h10M9 4a4 4 0 0 0 0 8h4',
  heading2: 'M4 6v12M12 6v12M4 12h8M15 10a2.5 2.5 0 0 1 5 0c0 2-5 4-5 8h5',
  heading3: 'M4 6v12M12 6v12M4 12h8M15 8h5l-3 4a3 3 0 1 1-2 5',
  bold: 'M7 5h6a3.5 3.5 0 0 1 0 7H7zM7 12h7a3.5 3.5 0 0 1 0 7H7z',
  italic: 'M11 5h7M6 19h7M14 5l-4 14',
  link: 'M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1',
  bulletList: 'M9 6h11M9 12h11M9 18h11M4.5 6h.01M4.5 12h.01M4.5 18h.01',
  orderedList: 'M10 6h10M10 12h10M10 18h10M4 5l1.5-1v5M4 14h2.5L4 17.5h2.5',
  quote:
    'M6 17c-1.5 0-2.5-1.2-2.5-3 0-3 2-6 5-7M15 17c-1.5 0-2.5-1.2-2.5-3 0-3 2-6 5-7M4 14h4v3H4zM13 14h4v3h-4z',
  pullQuote: 'M3 4h18M3 20h18M7 15c-1 0-2-1-2-2.5 0-2 1.5-4 3.5-4.5M14 15c-1 0-2-1-2-2.5 0-2 1.5-4 3.5-4.5',
  divider: 'M3 12h18M8 7h8M8 17h8',
  image: 'M4 5h16v14H4zM4 16l5-5 4 4 2-2 5 5M15.5 9.5h.01',
  gallery: 'M3 7h13v12H3zM7 3h14v12M3 15l4-4 3 3 2-2 4 4',
  table: 'M4 5h16v14H4zM4 10h16M4 15h16M10 5v14',
  undo: 'M9 14L4 9l5-5M4 9h10a6 6 0 0 1 0 12h-3',
  redo: 'M15 14l5-5-5-5M20 9H10a6 6 0 0 0 0 12h3',
  plus: 'M12 5v14M5 12h14',
  rowAdd: 'M4 5h16v9H4zM4 9.5h16M12 17v4M10 19h4',
  columnAdd: 'M4 4h9v16H4zM8.5 4v16M17 12h4M19 10v4',
  rowRemove: 'M4 5h16v9H4zM4 9.5h16M10 19h4',
  columnRemove: 'M4 4h9v16H4zM8.5 4v16M17 12h4',
  tableRemove: 'M4 5h16v14H4zM9 10l6 6M15 10l-6 6',
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name }: { name: IconName }): JSX.Element {
  return (
    <svg
      class="icon"
      viewBox="0 0 24 24"
      width="20"
      height="20"
      fill="none"
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={paths[name]} />
    </svg>
  );
}
