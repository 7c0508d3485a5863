import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { memberLinkToken, verifyMemberLinkToken } from '../../domain/members/member-links.js';
import {
  chooseNewsletters,
  confirmationState,
  confirmSubscription,
  deleteMemberData,
  memberForLink,
  limitSignUp,
  prepareSignUp,
  sendConfirmation,
  unsubscribeByLink,
  unsubscribeMember,
} from '../../domain/members/signup.js';
import { DomainError } from '../../domain/shared/errors.js';
import { memberSubscriptions } from '../../domain/site/public-reads.js';
import { html, type SafeHtml } from '../../rendering/html.js';
import type { PageFrame } from '../../rendering/theme.js';
import { RateLimitedError } from '../../domain/limits/rate-limits.js';
import { checkFormPost, formTokenField, formTokenFor, type FormName } from './form-token.js';
import {
  linkQuery,
  manageForm,
  parseForm,
  signupForm,
  subscribePageQuery,
  tokenForm as tokenFormSchema,
  unsubscribeForm,
} from './member-forms.js';
import { frameFor, loadChrome, servedLanguage, type SiteEnv } from './site-env.js';
import { newslettersFor, signupFor } from './site-pages.js';

const htmlType = 'text/html; charset=utf-8';
const maxFormBytes = 16 * 1024;

export interface MemberRoutesOptions {
  env: SiteEnv;
}

const formOf = (request: FastifyRequest): URLSearchParams =>
  request.body instanceof URLSearchParams ? request.body : new URLSearchParams();

/** The token of a members' link: from the form, else from the query string (see member-forms.ts). */
function tokenOf(request: FastifyRequest, body: z.ZodType<object> = tokenFormSchema): string {
  const parsed = parseForm(request, { query: linkQuery, body });
  const fromForm =
    'token' in parsed.body && typeof parsed.body.token === 'string' ? parsed.body.token : undefined;
  return fromForm ?? parsed.query.token ?? '';
}

/** An RFC 8058 one-click unsubscribe from a mail provider (the signed link is its authority). */
const isOneClick = (request: FastifyRequest) =>
  formOf(request).get('List-Unsubscribe') === 'One-Click' ||
  String(request.headers['content-type'] ?? '').startsWith('multipart/form-data');

/**
 * The public members' pages (docs/newsletters.md): signup, confirming, managing subscriptions and
 * one-click unsubscribe. Never cached, never indexed; GET never changes anything. Every form post
 * passes the form check first (form-token.ts): a cross-site post, or one without a genuine, fresh
 * form token, is refused with a clear page before anything is read or stored.
 */
export function registerMemberRoutes(app: FastifyInstance, options: MemberRoutesOptions): void {
  const { env } = options;
  const { ctx } = env;
  const pages = env.theme.members;

  const frameOf = async (title: string, path: string, language?: string): Promise<PageFrame> => {
    const source = await loadChrome(env);
    return frameFor(env, source, servedLanguage(source, language), {
      title,
      description: source.settings.description,
      canonicalPath: path,
      ogType: 'website',
      isIndexable: false,
    });
  };
  const defaultStrings = async (language?: string) => (await frameOf('', '/', language)).t.members;

  // The URLs of these pages carry tokens: no Referer, even to this site, may repeat them.
  const send = (reply: FastifyReply, status: number, body: string) =>
    reply
      .code(status)
      .type(htmlType)
      .header('cache-control', 'no-store')
      .header('referrer-policy', 'no-referrer')
      .send(body);

  const messagePage = async (
    reply: FastifyReply,
    status: number,
    path: string,
    pick: (m: Awaited<ReturnType<typeof defaultStrings>>) => [string, string],
    extra: (frame: PageFrame) => SafeHtml | '' | Promise<SafeHtml | ''> = () => '',
    language?: string,
  ) => {
    const m = await defaultStrings(language);
    const [heading, text] = pick(m);
    const frame = await frameOf(heading, path, language);
    return send(reply, status, pages.message(frame, heading, text, await extra(frame)));
  };

  const badLink = (reply: FastifyReply, path: string) =>
    messagePage(
      reply,
      400,
      path,
      (m) => [m.badLinkTitle, m.badLinkText],
      (f) => html`<p><a href="/subscribe/">${f.t.members.subscribeTitle}</a></p>`,
    );

  /**
   * False when the post may go on; true when it was refused (the answer is sent): 403 with "sent from
   * another site", or with "please send it again" and `retry` (a fresh form or a link back to it).
   * A boolean, not the reply: a reply is thenable, so awaiting it would lose it.
   */
  const refusal = async (options: {
    request: FastifyRequest;
    reply: FastifyReply;
    form: FormName;
    path: string;
    retry: (frame: PageFrame) => Promise<SafeHtml | ''> | SafeHtml;
    language?: string;
  }): Promise<boolean> => {
    const { request, reply, path, language } = options;
    const check = await checkFormPost({
      ctx,
      siteUrl: env.siteUrl,
      headers: request.headers,
      form: options.form,
      token: formOf(request).get(formTokenField),
    });
    if (check === 'valid') return false;
    if (check === 'cross-site') {
      await messagePage(reply, 403, path, (m) => [m.invalidTitle, m.forbiddenText], undefined, language);
      return true;
    }
    const m = await defaultStrings(language);
    const frame = await frameOf(m.staleFormTitle, path, language);
    send(reply, 403, pages.message(frame, m.staleFormTitle, m.staleFormText, await options.retry(frame)));
    return true;
  };
  const againLink = (path: string, token: string) => (frame: PageFrame) =>
    html`<p><a href="${path}?token=${token}">${frame.t.members.tryAgain}</a></p>`;

  void app.register(async (scope) => {
    // A form or query with fields these pages do not take: a page naming them, nothing done.
    scope.setErrorHandler(async (error, request, reply) => {
      if (!(error instanceof DomainError) || error.code !== 'VALIDATION') throw error;
      const problems = error.details.map((d) =>
        d.property ? `${d.property}: ${d.message}.` : `${d.message}.`,
      );
      return messagePage(reply, 422, request.routeOptions.url ?? '/', (m) => [
        m.refusedTitle,
        problems.join(' '),
      ]);
    });
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: maxFormBytes },
      (_request, body, done) => done(null, new URLSearchParams(body as string)),
    );
    // RFC 8058 allows a one-click unsubscribe as multipart; its body carries nothing we need.
    scope.addContentTypeParser(
      'multipart/form-data',
      { parseAs: 'string', bodyLimit: maxFormBytes },
      (_request, _body, done) => done(null, null),
    );

    // ---- Signup ----
    scope.get('/subscribe/', async (request, reply) => {
      const { query } = parseForm(request, { query: subscribePageQuery });
      if (query.sent === '1') return messagePage(reply, 200, '/subscribe/', (m) => [m.sentTitle, m.sentText]);
      const m = await defaultStrings();
      const frame = await frameOf(m.subscribeTitle, '/subscribe/');
      return send(reply, 200, pages.subscribe(frame, await signupFor(env)));
    });

    scope.post('/subscribe/', async (request, reply) => {
      const { body: form } = parseForm(request, { body: signupForm });
      const { language } = form;
      const refused = await refusal({
        request,
        reply,
        form: 'subscribe',
        path: '/subscribe/',
        language,
        retry: async (frame) => pages.signupBox(frame, await signupFor(env, language)),
      });
      if (refused) return reply;
      try {
        await limitSignUp(ctx, request.ip);
      } catch (error) {
        if (!(error instanceof RateLimitedError)) throw error;
        reply.header('retry-after', String(error.retryAfterSeconds));
        return messagePage(
          reply,
          429,
          '/subscribe/',
          (m) => [m.tooManyTitle, m.tooManyText],
          undefined,
          language,
        );
      }
      const sent = () => reply.header('cache-control', 'no-store').redirect('/subscribe/?sent=1', 303);
      // A filled-in trap field: a robot. It gets the usual answer, and nothing is sent.
      if (form.website !== '') return sent();
      let prepared;
      try {
        prepared = await prepareSignUp(ctx, {
          email: form.email,
          newsletterIds: form.newsletters,
          language,
        });
      } catch (error) {
        if (!(error instanceof DomainError) || error.code !== 'VALIDATION') throw error;
        const m = await defaultStrings(language);
        const frame = await frameOf(m.invalidTitle, '/subscribe/', language);
        const problem = error.details
          .map((d) => (d.property === 'email' ? `${m.invalidAddress} ${d.message}.` : `${d.message}.`))
          .join(' ');
        return send(reply, 400, pages.subscribe(frame, await signupFor(env), problem));
      }
      // Not awaited: the answer is the same, and as fast, whether the address is known or not.
      sendConfirmation(ctx, prepared).catch((error: unknown) =>
        request.log.error({ err: error }, 'signup confirmation email failed'),
      );
      return sent();
    });

    // ---- Confirming ----
    scope.get('/subscribe/confirm/', async (request, reply) => {
      const token = tokenOf(request);
      const state = await confirmationState(ctx, token);
      if (state === 'invalid') return badLink(reply, '/subscribe/confirm/');
      return messagePage(
        reply,
        200,
        '/subscribe/confirm/',
        (m) => [m.confirmTitle, m.confirmText],
        async (f) =>
          pages.tokenForm({
            action: '/subscribe/confirm/',
            token,
            formToken: await formTokenFor(ctx, 'confirm'),
            label: f.t.members.confirmButton,
          }),
      );
    });

    scope.post('/subscribe/confirm/', async (request, reply) => {
      const token = tokenOf(request);
      const refused = await refusal({
        request,
        reply,
        form: 'confirm',
        path: '/subscribe/confirm/',
        retry: againLink('/subscribe/confirm/', token),
      });
      if (refused) return reply;
      let member;
      try {
        member = await confirmSubscription(ctx, token);
      } catch (error) {
        if (error instanceof DomainError && error.code === 'VALIDATION')
          return badLink(reply, '/subscribe/confirm/');
        throw error;
      }
      const manage = await memberLinkToken(ctx, member.id, 'manage');
      return messagePage(
        reply,
        200,
        '/subscribe/confirm/',
        (m) => [m.confirmedTitle, m.confirmedText],
        (f) => html`<p><a href="/members/manage/?token=${manage}">${f.t.members.manageLink}</a></p>`,
      );
    });

    // ---- Managing ----
    const managePage = async (reply: FastifyReply, token: string, memberId: string, notice?: string) => {
      const member = await memberSubscriptions(ctx, memberId);
      if (!member) return badLink(reply, '/members/manage/');
      const m = await defaultStrings();
      const frame = await frameOf(m.manageTitle, '/members/manage/');
      return send(
        reply,
        200,
        pages.manage(frame, {
          token,
          formToken: await formTokenFor(ctx, 'manage'),
          email: member.email,
          newsletters: await newslettersFor(env),
          chosenIds: member.chosenIds,
          isSubscribed: member.isSubscribed,
          ...(notice ? { notice } : {}),
        }),
      );
    };

    scope.get('/members/manage/', async (request, reply) => {
      const token = tokenOf(request);
      const member = await memberForLink(ctx, token, 'manage');
      return member ? managePage(reply, token, member.id) : badLink(reply, '/members/manage/');
    });

    scope.post('/members/manage/', async (request, reply) => {
      const token = tokenOf(request, manageForm);
      const retry = againLink('/members/manage/', token);
      const refused = await refusal({ request, reply, form: 'manage', path: '/members/manage/', retry });
      if (refused) return reply;
      const member = await memberForLink(ctx, token, 'manage');
      if (!member) return badLink(reply, '/members/manage/');
      const { body: form } = parseForm(request, { query: linkQuery, body: manageForm });
      const { action } = form;
      const m = await defaultStrings();
      if (action === 'delete') {
        await deleteMemberData(ctx, member.id);
        return messagePage(reply, 200, '/members/manage/', (s) => [s.deletedTitle, s.deletedText]);
      }
      if (action === 'unsubscribe') {
        await unsubscribeMember(ctx, member.id);
        return messagePage(reply, 200, '/members/manage/', (s) => [s.unsubscribedTitle, s.unsubscribedText]);
      }
      await chooseNewsletters(ctx, member.id, form.newsletters);
      return managePage(reply, token, member.id, m.saved);
    });

    // ---- Unsubscribing (List-Unsubscribe and RFC 8058 one-click) ----
    scope.get('/unsubscribe/', async (request, reply) => {
      const token = tokenOf(request);
      // A genuine link of a member since deleted still shows the page (the POST then changes nothing).
      if ((await verifyMemberLinkToken(ctx, token, 'unsubscribe')) === null)
        return badLink(reply, '/unsubscribe/');
      return messagePage(
        reply,
        200,
        '/unsubscribe/',
        (m) => [m.unsubscribeTitle, m.unsubscribeText],
        async (f) =>
          pages.tokenForm({
            action: '/unsubscribe/',
            token,
            formToken: await formTokenFor(ctx, 'unsubscribe'),
            label: f.t.members.unsubscribeButton,
          }),
      );
    });

    scope.post('/unsubscribe/', async (request, reply) => {
      const token = tokenOf(request, unsubscribeForm);
      // A mail provider's one-click post (RFC 8058) carries no form token: the signed link decides.
      const refused = isOneClick(request)
        ? false
        : await refusal({
            request,
            reply,
            form: 'unsubscribe',
            path: '/unsubscribe/',
            retry: againLink('/unsubscribe/', token),
          });
      if (refused) return reply;
      try {
        await unsubscribeByLink(ctx, token);
      } catch (error) {
        if (error instanceof DomainError && error.code === 'VALIDATION')
          return badLink(reply, '/unsubscribe/');
        throw error;
      }
      return messagePage(reply, 200, '/unsubscribe/', (m) => [m.unsubscribedTitle, m.unsubscribedText]);
    });
  });
}
