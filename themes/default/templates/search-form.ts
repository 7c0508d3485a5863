import { html, type SafeHtml } from '../../../src/rendering/html.js';
import type { ThemeStrings } from '../i18n.js';

/**
 * The search box: in the header of every page, and a second one on the 404 page. Each has its own
 * `id` and accessible name, so the two search landmarks are told apart.
 */
export function renderSearchForm(
  t: ThemeStrings,
  o: { id: string; value?: string; className: string; name: string },
): SafeHtml {
  return html`<form
    class="${o.className}"
    role="search"
    aria-label="${o.name}"
    action="/search/"
    method="get"
  >
    <label for="${o.id}" class="${o.className === 'site-search' ? 'visually-hidden' : 'search-label'}"
      >${t.search.label}</label
    >
    <input id="${o.id}" type="search" name="q" value="${o.value ?? ''}" maxlength="200" autocomplete="off" />
    <button type="submit">${t.search.button}</button>
  </form>`;
}
