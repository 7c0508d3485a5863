import { html, type SafeHtml } from '../../../src/rendering/html.js';
import type { ThemeStrings } from '../i18n.js';

/** The search box: in the header of every page (`id` differs where a page shows a second one). */
export function renderSearchForm(
  t: ThemeStrings,
  o: { id: string; value?: string; className: string },
): SafeHtml {
  return html`<form class="${o.className}" role="search" action="/search/" method="get">
    <label for="${o.id}" class="${o.className === 'site-search' ? 'visually-hidden' : 'search-label'}"
      >${t.search.label}</label
    >
    <input id="${o.id}" type="search" name="q" value="${o.value ?? ''}" maxlength="200" autocomplete="off" />
    <button type="submit">${t.search.button}</button>
  </form>`;
}
