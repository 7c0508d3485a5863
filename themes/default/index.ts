import type { Theme } from '../../src/rendering/theme.js';
import { stringsFor } from './i18n.js';
import {
  renderManagePage,
  renderMemberPage,
  renderSignupBox,
  renderSubscribePage,
  tokenForm,
} from './templates/members.js';
import {
  renderArchivePage,
  renderHomePage,
  renderMessagePage,
  renderPostPage,
  renderTopicsPage,
} from './templates/pages.js';
import { renderSearchPage } from './templates/search.js';
import { renderCorrectionsPage } from './templates/corrections.js';

/** The bundled theme: English and Norwegian strings (i18n.ts), the templates, assets/style.css. */
export const defaultTheme: Theme = {
  assetsDir: 'themes/default/assets',
  strings: stringsFor,
  pages: {
    home: renderHomePage,
    post: renderPostPage,
    archive: renderArchivePage,
    topics: renderTopicsPage,
    corrections: renderCorrectionsPage,
    search: renderSearchPage,
    message: renderMessagePage,
  },
  members: {
    message: renderMemberPage,
    subscribe: renderSubscribePage,
    manage: renderManagePage,
    signupBox: (frame, signup) => renderSignupBox(frame.t, frame.language, signup),
    tokenForm,
  },
};
