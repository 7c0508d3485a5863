import { html, type SafeHtml } from '../../../src/rendering/html.js';
import type { ThemeStrings } from '../i18n.js';
import { renderLayout } from './layout.js';
import type {
  ManagePageModel,
  PageFrame,
  SignupBox,
  TokenFormOptions,
} from '../../../src/rendering/theme.js';

/** The hidden field with a signed form token that every public form posts. */
export const formTokenInput = (token: string): SafeHtml =>
  html`<input type="hidden" name="form_token" value="${token}" />`;

/**
 * The newsletter signup box: a plain form (no JavaScript) posting to /subscribe/. It is static HTML, so
 * cached pages can carry it (they are rendered again before its form token expires). The `website`
 * field is a trap for robots: people never see it, and a signup with it filled in is answered as
 * usual and sends nothing.
 */
export function renderSignupBox(
  t: ThemeStrings,
  language: string,
  signup: SignupBox | undefined,
  headingLevel: 1 | 2 = 2,
): SafeHtml | '' {
  const newsletters = signup?.newsletters ?? [];
  if (!signup || newsletters.length === 0) return '';
  const m = t.members;
  const heading =
    headingLevel === 1
      ? html`<h1 id="signup-heading">${m.subscribeTitle}</h1>`
      : html`<h2 id="signup-heading">${m.signupHeading}</h2>`;
  return html`<section class="signup" aria-labelledby="signup-heading">
    ${heading}
    <p>${m.signupIntro}</p>
    <form method="post" action="/subscribe/">
      ${formTokenInput(signup.formToken)}
      <input type="hidden" name="language" value="${language}" />
      <p>
        <label for="signup-email">${m.emailLabel}</label>
        <input id="signup-email" type="email" name="email" required maxlength="254" autocomplete="email" />
      </p>
      ${
        newsletters.length > 1
          ? html`<fieldset>
              <legend>${m.chooseNewsletters}</legend>
              ${newsletters.map(
                (n, i) =>
                  html`<p><input type="checkbox" id="signup-nl-${i}" name="newsletters" value="${n.id}" checked /> <label for="signup-nl-${i}">${n.name}</label></p>`,
              )}
            </fieldset>`
          : html`<input type="hidden" name="newsletters" value="${newsletters[0]!.id}" />`
      }
      <p class="signup-trap">
        <label for="signup-website">${m.leaveEmpty}</label>
        <input id="signup-website" type="text" name="website" value="" tabindex="-1" autocomplete="off" />
      </p>
      <p><button type="submit">${m.subscribe}</button></p>
    </form>
  </section>`;
}

/** A short page of the members' pages: a heading, a paragraph, and what else the page needs. */
export function renderMemberPage(
  frame: PageFrame,
  heading: string,
  text: string,
  extra: SafeHtml | '' = '',
): string {
  const main = html`<div class="message member-page">
    <h1>${heading}</h1>
    <p>${text}</p>
    ${extra}
  </div>`;
  return renderLayout(frame, main);
}

export function renderSubscribePage(frame: PageFrame, signup: SignupBox, problem?: string): string {
  const { t } = frame;
  const main = html`<div class="member-page">
    ${problem ? html`<p class="form-problem" role="alert"><strong>${t.members.invalidTitle}:</strong> ${problem}</p>` : ''}
    ${
      signup.newsletters.length
        ? renderSignupBox(t, frame.language, signup, 1)
        : html`<h1>${t.members.subscribeTitle}</h1><p>${t.members.noNewsletters}</p>`
    }
  </div>`;
  return renderLayout(frame, main);
}

/** A page with one button that POSTs a token (GET pages never change anything). */
export function tokenForm(options: TokenFormOptions): SafeHtml {
  const { action, token, label, extra = '' } = options;
  return html`<form method="post" action="${action}">
    ${formTokenInput(options.formToken)}
    <input type="hidden" name="token" value="${token}" />
    ${extra}
    <p><button type="submit">${label}</button></p>
  </form>`;
}

export function renderManagePage(frame: PageFrame, model: ManagePageModel): string {
  const m = frame.t.members;
  const action = { action: '/members/manage/', token: model.token, formToken: model.formToken };
  const main = html`<div class="member-page">
    <h1>${m.manageTitle}</h1>
    ${model.notice ? html`<p class="notice" role="status">${model.notice}</p>` : ''}
    <p>${m.manageText(model.email)}</p>
    <form method="post" action="/members/manage/">
      ${formTokenInput(model.formToken)}
      <input type="hidden" name="token" value="${model.token}" />
      <input type="hidden" name="action" value="update" />
      <fieldset>
        <legend>${m.manageNewsletters}</legend>
        ${model.newsletters.map(
          (n, i) =>
            html`<p><input type="checkbox" id="manage-nl-${i}" name="newsletters" value="${n.id}" ${model.isSubscribed && model.chosenIds.includes(n.id) ? 'checked' : ''} /> <label for="manage-nl-${i}">${n.name}</label></p>`,
        )}
      </fieldset>
      <p><button type="submit">${m.save}</button></p>
    </form>
    ${tokenForm({ ...action, label: m.unsubscribeAll, extra: html`<input type="hidden" name="action" value="unsubscribe" />` })}
    <p>${m.deleteDataText}</p>
    ${tokenForm({ ...action, label: m.deleteData, extra: html`<input type="hidden" name="action" value="delete" />` })}
  </div>`;
  return renderLayout(frame, main);
}
