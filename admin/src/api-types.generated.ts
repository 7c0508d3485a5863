// Generated from the Admin API declarations (src/http/admin-api/*.routes.ts) by `npm run generate:admin`; do not edit.

export interface paths {
  '/admin/api/setup': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Whether the site still needs setting up */
    get: operations['getSetup'];
    put?: never;
    /**
     * Sets the site up: its title and its owner, who is signed in
     * @description Refused once the site has an owner. Every field problem is answered at once.
     */
    post: operations['setUp'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/api/session': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who is signed in, with the CSRF token of the session */
    get: operations['getSession'];
    put?: never;
    /** Signs in with an email address and password */
    post: operations['signIn'];
    /** Signs out: the session ends and its cookie is cleared */
    delete: operations['signOut'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/api/session/second-step': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * The second step of signing in: a TOTP, recovery or emailed code
     * @description The only endpoint a pending session is accepted on.
     */
    post: operations['completeSecondStep'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/api/session/link': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Emails a sign-in link to the address, if it is a staff member’s
     * @description Answered the same (202) whether or not the address belongs to anyone.
     */
    post: operations['requestSignInLink'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/api/session/link/complete': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Signs in with the token of an emailed link */
    post: operations['signInWithLink'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/api/profile': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Changes your own profile */
    patch: operations['updateProfile'];
    trace?: never;
  };
  '/admin/api/profile/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Changes your own password; your other sessions end */
    post: operations['changePassword'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/api/mail': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Whether the site can send email */
    get: operations['getMailStatus'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/api/password-reset': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Emails a password reset link to the address, if it is a staff member’s
     * @description Answered the same (202) whether or not the address belongs to anyone.
     */
    post: operations['requestPasswordReset'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/api/password-reset/complete': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sets a new password with the token of a reset link */
    post: operations['completePasswordReset'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/api/invitations/accept': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Joins the staff with an invitation’s token, and signs in */
    post: operations['acceptInvitation'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/api/profile/totp': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Whether two-step sign-in is on, and how many recovery codes are left */
    get: operations['getTotpStatus'];
    put?: never;
    /**
     * Starts a TOTP setup: a new secret, on only after a first code confirms it
     * @description The secret leaves the server this once, as text and as a QR code.
     */
    post: operations['startTotpSetup'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/api/profile/totp/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Switches TOTP on with a first code; answers the recovery codes, shown this once */
    post: operations['confirmTotpSetup'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/api/profile/totp/disable': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Switches two-step sign-in off, with your password and a code */
    post: operations['disableTotp'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/api/staff': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The staff; email addresses only for those who manage staff */
    get: operations['listStaff'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/api/staff/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Changes a staff member’s role, or suspends or restores them */
    patch: operations['updateMembership'];
    trace?: never;
  };
  '/admin/api/staff/invitations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Invitations not yet accepted */
    get: operations['listInvitations'];
    put?: never;
    /** Invites someone to the staff by email */
    post: operations['inviteStaff'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/api/staff/invitations/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Withdraws an invitation */
    delete: operations['revokeInvitation'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/api/posts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Posts the caller may read, newest change first, with filters and search */
    get: operations['listPosts'];
    put?: never;
    /** Creates a post (a draft unless a status is given) */
    post: operations['createPost'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/api/posts/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One post, with everything the editor shows */
    get: operations['getPost'];
    put?: never;
    post?: never;
    /** Deletes a post */
    delete: operations['deletePost'];
    options?: never;
    head?: never;
    /** Saves a post; with `autosave: true` a published post's change is kept as a revision only */
    patch: operations['updatePost'];
    trace?: never;
  };
  '/admin/api/posts/{id}/publish': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Publishes a post (now or at `publishedAt`), and sends it to the newsletters named */
    post: operations['publishPost'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/api/posts/{id}/unpublish': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Takes a post back to draft */
    post: operations['unpublishPost'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/api/posts/{id}/revisions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A post's saved states, newest first */
    get: operations['listPostRevisions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/api/posts/{id}/revisions/{revisionId}/restore': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Restores a saved state of a post (itself saved as a new revision) */
    post: operations['restorePostRevision'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/api/posts/{id}/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The post as readers would see it, published or not (never indexed) */
    get: operations['previewPost'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/api/pages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Pages the caller may read, newest change first, with filters and search */
    get: operations['listPages'];
    put?: never;
    /** Creates a page (a draft unless a status is given) */
    post: operations['createPage'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/api/pages/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One page, with everything the editor shows */
    get: operations['getPage'];
    put?: never;
    post?: never;
    /** Deletes a page */
    delete: operations['deletePage'];
    options?: never;
    head?: never;
    /** Saves a page; with `autosave: true` a published page's change is kept as a revision only */
    patch: operations['updatePage'];
    trace?: never;
  };
  '/admin/api/pages/{id}/publish': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Publishes a page (now or at `publishedAt`), and sends it to the newsletters named */
    post: operations['publishPage'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/api/pages/{id}/unpublish': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Takes a page back to draft */
    post: operations['unpublishPage'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/api/pages/{id}/revisions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A page's saved states, newest first */
    get: operations['listPageRevisions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/api/pages/{id}/revisions/{revisionId}/restore': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Restores a saved state of a page (itself saved as a new revision) */
    post: operations['restorePageRevision'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/api/pages/{id}/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The page as readers would see it, published or not (never indexed) */
    get: operations['previewPage'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/api/sources': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Cited sources with their link health and the posts citing them, a keyset page at a time
     * @description Filter by `state`; the answer’s `next` is the `after` of the next page (null on the last).
     */
    get: operations['listLinkHealth'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/api/sources/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One source with its link checks (newest first) and its archived copies */
    get: operations['getSourceHistory'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/api/sources/{id}/archive': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Re-archive now: queues a fresh snapshot of the source (earlier ones are kept) */
    post: operations['reArchiveSource'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/api/posts/{id}/notes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A post's corrections, clarifications, updates and editor's notes, oldest first */
    get: operations['listPostNotes'];
    put?: never;
    /**
     * Publishes a note on a published post's record; it can never be changed or deleted
     * @description Takes the right to publish the post. The note is published at once: on the page, in its JSON-LD and, for a correction, on /corrections/ and its feeds. A mistaken note is answered by another note.
     */
    post: operations['addPostNote'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/api/pages/{id}/notes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A page's corrections, clarifications, updates and editor's notes, oldest first */
    get: operations['listPageNotes'];
    put?: never;
    /**
     * Publishes a note on a published page's record; it can never be changed or deleted
     * @description Takes the right to publish the post. The note is published at once: on the page, in its JSON-LD and, for a correction, on /corrections/ and its feeds. A mistaken note is answered by another note.
     */
    post: operations['addPageNote'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/api/media': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The images the caller may see, newest first */
    get: operations['listMedia'];
    put?: never;
    /**
     * Uploads an image: the file’s bytes as the body, its name in `filename`
     * @description JPEG, PNG, WebP, GIF or AVIF, read from the bytes, never from a header or the name.
     */
    post: operations['uploadMedia'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/api/media/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One image, with the posts and other places that use it */
    get: operations['getMedia'];
    put?: never;
    post?: never;
    /** Deletes an image no post or place uses */
    delete: operations['deleteMedia'];
    options?: never;
    head?: never;
    /** Changes an image’s alt text, caption and credit */
    patch: operations['describeMedia'];
    trace?: never;
  };
  '/admin/api/tags': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every tag, with how many posts carry it */
    get: operations['listTags'];
    put?: never;
    /** Creates a tag */
    post: operations['createTag'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/api/tags/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Deletes a tag (posts lose it) */
    delete: operations['deleteTag'];
    options?: never;
    head?: never;
    /** Changes a tag */
    patch: operations['updateTag'];
    trace?: never;
  };
  '/admin/api/promotions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every promotion */
    get: operations['listPromotions'];
    put?: never;
    /** Creates a promotion */
    post: operations['createPromotion'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/api/promotions/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Deletes a promotion */
    delete: operations['deletePromotion'];
    options?: never;
    head?: never;
    /** Changes a promotion */
    patch: operations['updatePromotion'];
    trace?: never;
  };
  '/admin/api/redirects': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every redirect */
    get: operations['listRedirects'];
    put?: never;
    /** Creates a redirect */
    post: operations['createRedirect'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/api/redirects/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Deletes a redirect */
    delete: operations['deleteRedirect'];
    options?: never;
    head?: never;
    /** Changes a redirect */
    patch: operations['updateRedirect'];
    trace?: never;
  };
  '/admin/api/settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The site settings */
    get: operations['getSettings'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Changes the settings given; the others stay */
    patch: operations['updateSettings'];
    trace?: never;
  };
  '/admin/api/tokens': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The API tokens (never their secrets) */
    get: operations['listTokens'];
    put?: never;
    /**
     * Makes an API token; its secret is in this answer only
     * @description The secret is stored only hashed: a replay with the same Idempotency-Key answers `secret: null`.
     */
    post: operations['createToken'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/api/tokens/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revokes an API token at once */
    delete: operations['revokeToken'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/api/newsletters': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every newsletter, with how many members get it */
    get: operations['listNewsletters'];
    put?: never;
    /** Creates a newsletter */
    post: operations['createNewsletter'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/api/newsletters/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Deletes a newsletter that has never been sent */
    delete: operations['deleteNewsletter'];
    options?: never;
    head?: never;
    /** Changes a newsletter */
    patch: operations['updateNewsletter'];
    trace?: never;
  };
  '/admin/api/members': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Members, newest first, with search and filters */
    get: operations['listMembers'];
    put?: never;
    /** Adds a member by hand (consent source `admin`) */
    post: operations['addMember'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/api/members/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Deletes a member and what is recorded of them */
    delete: operations['deleteMember'];
    options?: never;
    head?: never;
    /** Changes a member’s name, status or newsletters */
    patch: operations['updateMember'];
    trace?: never;
  };
  '/admin/api/members/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every member as a CSV file */
    get: operations['exportMembers'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/api/members/imports/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** How far a member import is, with the report’s lines after `afterLine` */
    get: operations['getMemberImport'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/api/members/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Imports members from a CSV file (the body, text/csv, up to 5 MiB), as a job
     * @description The file is stored and answered 202 at once; GET …/imports/:id shows how far it is.
     */
    post: operations['importMembers'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/api/imports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The newest imports (at most 10), without their plans and reports */
    get: operations['listImports'];
    put?: never;
    /**
     * Starts an import from WordPress or Ghost: it takes files until its plan is asked for
     * @description One import at a time: 409 while another is not finished.
     */
    post: operations['createImport'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/api/imports/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An import: its status, progress, plan and report */
    get: operations['getImport'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/api/imports/{id}/files': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Adds a file to an import: the export (WXR .xml, several allowed; Ghost .json) or a ZIP of images
     * @description The file’s bytes are the body; its kind is read from them. Exports up to 128 MiB, the ZIP up to 512 MiB; a file that is neither is refused (415) and nothing is stored.
     */
    post: operations['uploadImportFile'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/api/imports/{id}/plan': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Queues the plan: a dry run that counts what would be created, updated and skipped */
    post: operations['planImport'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/api/imports/{id}/run': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Queues the import itself, once its plan is ready; all or nothing, safe to run again */
    post: operations['runImport'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/api/imports/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Cancels an import that has not started running; its files are deleted */
    post: operations['cancelImport'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/api/newsletters/{id}/sends': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Starts sending a published post to a newsletter’s members (once per post and newsletter) */
    post: operations['startSend'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/api/sends/corrections': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sends a published correction to everyone the post reached as a newsletter
     * @description One send per newsletter the post went to, to the members it reached who are still subscribed, through the same sending as the post. Nothing is sent unless this is asked; asking again answers with the same sends.
     */
    post: operations['sendCorrection'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/api/sends': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Sends, newest first, of one post if `postId` is given */
    get: operations['listSends'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/api/sends/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One send’s totals and report */
    get: operations['getSend'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/api/newsletters/{id}/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The email the members would get for a post, with placeholder links */
    get: operations['previewNewsletter'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/api/newsletters/{id}/test-send': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sends that email, marked as a test, to your own address */
    post: operations['testSendNewsletter'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/api/newsletters/recipient-count': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** How many members one or more newsletters would reach (each counted once) */
    get: operations['countRecipients'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    /** @description Every error answer of the Admin API. */
    Error: {
      errors: {
        /** @enum {string} */
        code:
          | 'VALIDATION'
          | 'UNAUTHENTICATED'
          | 'FORBIDDEN'
          | 'NOT_FOUND'
          | 'CONFLICT'
          | 'RATE_LIMITED'
          | 'BAD_REQUEST'
          | 'PAYLOAD_TOO_LARGE'
          | 'UNSUPPORTED_MEDIA_TYPE'
          | 'INTERNAL';
        /** @description For people; may change between versions. */
        message: string;
        /**
         * @description The input field at fault, as a dotted path (`sources.1.url`), when there is one.
         * @example sources.1.url
         */
        property?: string;
      }[];
    };
    Meta: {
      page: number;
      limit: number;
      total: number;
    };
    Staff: {
      id: string;
      slug: string;
      name: string;
      email?: string;
      /** @enum {string} */
      role: 'owner' | 'administrator' | 'editor' | 'author' | 'contributor';
      /** @enum {string} */
      status: 'active' | 'suspended';
      /** @enum {string} */
      locale: 'en' | 'nb';
      bio: string;
      jobTitle: string;
      expertise: string;
      /** @description How readers reach the author (an address or a line of text) */
      contact: string;
      /** @description A fediverse handle, `@name@server`, or empty */
      fediverse: string;
      /** @description Profiles elsewhere (schema.org `sameAs`) */
      profileLinks: string[];
    };
    PostSummary: {
      id: string;
      /** @enum {string} */
      type: 'post' | 'page';
      slug: string;
      title: string;
      /** @enum {string} */
      status: 'draft' | 'scheduled' | 'published';
      language: string;
      publishedAt: string | null;
      /** @description An ISO 8601 time in UTC */
      updatedAt: string;
      url: string;
      authors: {
        id: string;
        name: string;
      }[];
      tags: {
        id: string;
        name: string;
      }[];
    };
    FeaturedImage: {
      mediaId: string;
      alt: string | null;
      caption: string | null;
      credit: string | null;
      url: string | null;
    };
    Source: {
      id: string;
      publisher: string;
      title: string;
      url: string;
      note: string;
      reviewState: 'imported' | null;
      /**
       * @description `queued` until its first snapshot, then `archived`
       * @enum {string}
       */
      archiveStatus: 'pending' | 'queued' | 'archived' | 'failed';
      /** @description When the latest snapshot was taken */
      archivedAt: string | null;
      /** @description The latest snapshot on the site, e.g. `/archive/<id>/` */
      archivePath: string | null;
      /** @description Why the last archive attempt failed; empty when it did not */
      archiveError: string;
      /** @enum {string} */
      linkStatus: 'unchecked' | 'ok' | 'redirected' | 'changed' | 'gone' | 'unreachable';
      linkCheckedAt: string | null;
    };
    LinkHealth: {
      id: string;
      publisher: string;
      title: string;
      url: string;
      /**
       * @description `queued` until its first snapshot, then `archived`
       * @enum {string}
       */
      archiveStatus: 'pending' | 'queued' | 'archived' | 'failed';
      /** @description When the latest snapshot was taken */
      archivedAt: string | null;
      /** @description The latest snapshot on the site, e.g. `/archive/<id>/` */
      archivePath: string | null;
      /** @description Why the last archive attempt failed; empty when it did not */
      archiveError: string;
      /** @enum {string} */
      linkStatus: 'unchecked' | 'ok' | 'redirected' | 'changed' | 'gone' | 'unreachable';
      linkCheckedAt: string | null;
      post: {
        id: string;
        title: string;
        slug: string;
        /** @enum {string} */
        status: 'draft' | 'scheduled' | 'published';
      };
    };
    LinkCheck: {
      /** @description An ISO 8601 time in UTC */
      checkedAt: string;
      /** @enum {string} */
      state: 'unchecked' | 'ok' | 'redirected' | 'changed' | 'gone' | 'unreachable';
      httpStatus: number | null;
      finalUrl: string;
      detail: string;
    };
    Snapshot: {
      id: string;
      /** @description An ISO 8601 time in UTC */
      takenAt: string;
      httpStatus: number;
      finalUrl: string;
      title: string;
      bodySha256: string;
      path: string;
    };
    PostNote: {
      id: string;
      /** @enum {string} */
      kind: 'correction' | 'clarification' | 'update' | 'editors-note';
      body: string;
      authorName: string;
      /** @description An ISO 8601 time in UTC */
      createdAt: string;
    };
    EditorDocument: {
      /** @constant */
      type: 'doc';
      content: unknown[];
    };
    Post: {
      id: string;
      /** @enum {string} */
      type: 'post' | 'page';
      slug: string;
      title: string;
      standfirst: string;
      excerpt: string;
      body: components['schemas']['EditorDocument'];
      /** @enum {string} */
      status: 'draft' | 'scheduled' | 'published';
      publishedAt: string | null;
      language: string;
      translationGroup: string | null;
      authors: {
        id: string;
        name: string;
      }[];
      tags: {
        id: string;
        name: string;
        slug: string;
        /** @enum {string} */
        kind: 'topic' | 'person' | 'organisation' | 'place';
      }[];
      featuredImage: components['schemas']['FeaturedImage'] | null;
      sources: components['schemas']['Source'][];
      translations: {
        id: string;
        language: string;
        title: string;
      }[];
      canonicalUrl: string | null;
      metaTitle: string | null;
      metaDescription: string | null;
      ogTitle: string | null;
      ogDescription: string | null;
      twitterTitle: string | null;
      twitterDescription: string | null;
      /** @enum {string} */
      promotionMode: 'site' | 'none' | 'chosen';
      promotionId: string | null;
      isFeatured: boolean;
      /** @enum {string} */
      workType: 'news' | 'analysis' | 'opinion' | 'review' | 'background' | 'sponsored' | 'fact-check';
      dateline: string;
      notes: components['schemas']['PostNote'][];
      url: string;
      /** @description An ISO 8601 time in UTC */
      createdAt: string;
      /** @description An ISO 8601 time in UTC */
      updatedAt: string;
    };
    Revision: {
      id: string;
      /** @description An ISO 8601 time in UTC */
      createdAt: string;
      staffName: string;
      title: string;
      isAutosave: boolean;
    };
    Media: {
      id: string;
      url: string;
      width: number;
      height: number;
      mimeType: string;
      originalName: string;
      sizeBytes: number;
      alt: string;
      caption: string;
      credit: string;
      uploadedBy: string | null;
      /** @description An ISO 8601 time in UTC */
      createdAt: string;
      usage?: {
        id: string;
        title: string;
        /** @enum {string} */
        type: 'post' | 'page';
      }[];
      usedElsewhere?: string[];
    };
    Tag: {
      id: string;
      slug: string;
      name: string;
      /** @enum {string} */
      kind: 'topic' | 'person' | 'organisation' | 'place';
      description: string;
      language: string | null;
      postCount?: number;
    };
    Promotion: {
      id: string;
      title: string;
      body: string;
      imageMediaId: string | null;
      imageUrl: string | null;
      linkUrl: string;
      ctaLabel: string;
      /** @enum {string} */
      slot: 'after-article' | 'sidebar';
      language: string | null;
      isActive: boolean;
      sortOrder: number;
    };
    Redirect: {
      id: string;
      fromPath: string;
      toUrl: string;
      statusCode: 301 | 302;
    };
    Invitation: {
      id: string;
      email: string;
      /** @enum {string} */
      role: 'owner' | 'administrator' | 'editor' | 'author' | 'contributor';
      /** @description An ISO 8601 time in UTC */
      createdAt: string;
      /** @description An ISO 8601 time in UTC */
      expiresAt: string;
    };
    Settings: {
      title: string;
      description: string;
      logoMediaId: string | null;
      languages: string[];
      defaultLanguage: string;
      navigation: {
        label: string;
        url: string;
      }[];
      timezone: string;
      /** @description The page (its id) stating each of the publisher’s policies; a kind left out has none. */
      policies: {
        ethics?: string | null;
        corrections?: string | null;
        ownership?: string | null;
        masthead?: string | null;
        feedback?: string | null;
      };
    };
    ApiToken: {
      id: string;
      name: string;
      /** @enum {string} */
      role: 'owner' | 'administrator' | 'editor' | 'author' | 'contributor';
      /** @description An ISO 8601 time in UTC */
      createdAt: string;
      lastUsedAt: string | null;
      createdBy: string | null;
    };
    Newsletter: {
      id: string;
      slug: string;
      name: string;
      language: string;
      senderName: string;
      senderEmail: string;
      replyTo: string;
      footer: string;
      isActive: boolean;
      sortOrder: number;
      memberCount: number;
    };
    Member: {
      id: string;
      email: string;
      name: string;
      /** @enum {string} */
      status: 'pending' | 'active' | 'unsubscribed';
      newsletterIds: string[];
      /** @enum {string} */
      consentSource: 'signup' | 'admin' | 'import';
      consentAt: string | null;
      /** @description An ISO 8601 time in UTC */
      createdAt: string;
    };
    MemberImport: {
      id: string;
      /** @enum {string} */
      status: 'queued' | 'done';
      totalLines: number;
      linesDone: number;
      imported: number;
      updated: number;
      skipped: number;
      /** @description An ISO 8601 time in UTC */
      createdAt: string;
      finishedAt: string | null;
      errors: {
        line: number;
        email: string;
        message: string;
      }[];
    };
    NewsletterSend: {
      id: string;
      postId: string;
      newsletterId: string;
      noteId: string | null;
      /** @enum {string} */
      status: 'snapshot' | 'sending' | 'done';
      total: number;
      sent: number;
      failed: number;
      skipped: number;
      pending: number;
      possiblyDuplicated: number;
      /** @description An ISO 8601 time in UTC */
      createdAt: string;
      /** @description An ISO 8601 time in UTC */
      startedAt: string;
      finishedAt: string | null;
    };
    SendReport: {
      failures: {
        email: string;
        error: string;
      }[];
      possiblyDuplicated: string[];
    };
    SignedIn: {
      staff: components['schemas']['Staff'];
      csrfToken: string;
    };
    SecondStepNeeded: {
      /** @enum {string} */
      secondStep: 'totp' | 'email';
      csrfToken: string;
    };
    ImportReport: {
      /** @enum {string} */
      source: 'wordpress' | 'ghost';
      files: string[];
      isDryRun: boolean;
      /** @description An ISO 8601 time in UTC */
      startedAt: string;
      /** @description An ISO 8601 time in UTC */
      finishedAt: string;
      posts: {
        created: number;
        updated: number;
        skipped: number;
      };
      pages: {
        created: number;
        updated: number;
        skipped: number;
      };
      authors: {
        created: number;
        updated: number;
        skipped: number;
      };
      tags: {
        created: number;
        updated: number;
        skipped: number;
      };
      media: {
        created: number;
        updated: number;
        skipped: number;
        missing: string[];
      };
      redirects: {
        created: number;
        updated: number;
        skipped: number;
      };
      skips: {
        item: string;
        reason: string;
      }[];
      notes: {
        item: string;
        note: string;
      }[];
      unknownBlocks: {
        [key: string]: number;
      };
      unknownShortcodes: {
        [key: string]: number;
      };
      embeds: number;
      comments: number;
      customTaxonomies: {
        names: string[];
        terms: number;
      };
      otherPostTypes: {
        [key: string]: number;
      };
      readerNotices: string[];
      ghost: {
        members: {
          created: number;
          updated: number;
          skipped: number;
        };
        newsletters: {
          created: number;
          updated: number;
          skipped: number;
        };
        settings: string[];
        codeInjection: string[];
        unknownCards: {
          [key: string]: number;
        };
        droppedCards: {
          [key: string]: number;
        };
        otherTables: {
          [key: string]: number;
        };
      } | null;
      omitted: {
        skips: number;
        notes: number;
        missingMedia: number;
      };
    };
    ImportJobSummary: {
      id: string;
      /** @enum {string} */
      source: 'wordpress' | 'ghost';
      /** @enum {string} */
      status:
        | 'uploading'
        | 'plan-queued'
        | 'planning'
        | 'planned'
        | 'queued'
        | 'running'
        | 'done'
        | 'failed'
        | 'cancelled';
      files: {
        filename: string;
        /** @enum {string} */
        kind: 'wordpress-export' | 'ghost-export' | 'archive';
        bytes: number;
      }[];
      progress: {
        /** @enum {string} */
        phase: 'plan' | 'import';
        done: number;
        total: number;
        /** @description An ISO 8601 time in UTC */
        at: string;
      } | null;
      error: string | null;
      /** @description An ISO 8601 time in UTC */
      createdAt: string;
      /** @description An ISO 8601 time in UTC */
      updatedAt: string;
      finishedAt: string | null;
    };
    ImportJob: {
      id: string;
      /** @enum {string} */
      source: 'wordpress' | 'ghost';
      /** @enum {string} */
      status:
        | 'uploading'
        | 'plan-queued'
        | 'planning'
        | 'planned'
        | 'queued'
        | 'running'
        | 'done'
        | 'failed'
        | 'cancelled';
      files: {
        filename: string;
        /** @enum {string} */
        kind: 'wordpress-export' | 'ghost-export' | 'archive';
        bytes: number;
      }[];
      progress: {
        /** @enum {string} */
        phase: 'plan' | 'import';
        done: number;
        total: number;
        /** @description An ISO 8601 time in UTC */
        at: string;
      } | null;
      error: string | null;
      /** @description An ISO 8601 time in UTC */
      createdAt: string;
      /** @description An ISO 8601 time in UTC */
      updatedAt: string;
      finishedAt: string | null;
      plan: components['schemas']['ImportReport'] | null;
      report: components['schemas']['ImportReport'] | null;
    };
    GetSetupAnswer: {
      isSetupNeeded: boolean;
    };
    RequestSignInLinkAnswer: Record<string, never>;
    UpdateProfileAnswer: {
      staff: components['schemas']['Staff'];
    };
    GetMailStatusAnswer: {
      isConfigured: boolean;
    };
    GetTotpStatusAnswer: {
      isEnabled: boolean;
      recoveryCodesLeft: number;
    };
    StartTotpSetupAnswer: {
      secret: string;
      uri: string;
      qrSvg: string;
    };
    ConfirmTotpSetupAnswer: {
      recoveryCodes: string[];
    };
    ListStaffAnswer: {
      staff: components['schemas']['Staff'][];
    };
    UpdateMembershipAnswer: {
      staff: components['schemas']['Staff'];
    };
    ListInvitationsAnswer: {
      invitations: components['schemas']['Invitation'][];
    };
    ListPostsAnswer: {
      posts: components['schemas']['PostSummary'][];
      meta: components['schemas']['Meta'];
    };
    GetPostAnswer: {
      post: components['schemas']['Post'];
    };
    ListPostRevisionsAnswer: {
      revisions: components['schemas']['Revision'][];
    };
    ListPagesAnswer: {
      pages: components['schemas']['PostSummary'][];
      meta: components['schemas']['Meta'];
    };
    ListPageRevisionsAnswer: {
      revisions: components['schemas']['Revision'][];
    };
    ListLinkHealthAnswer: {
      sources: components['schemas']['LinkHealth'][];
      next: string | null;
    };
    GetSourceHistoryAnswer: {
      source: {
        id: string;
        publisher: string;
        title: string;
        url: string;
        /**
         * @description `queued` until its first snapshot, then `archived`
         * @enum {string}
         */
        archiveStatus: 'pending' | 'queued' | 'archived' | 'failed';
        /** @description When the latest snapshot was taken */
        archivedAt: string | null;
        /** @description The latest snapshot on the site, e.g. `/archive/<id>/` */
        archivePath: string | null;
        /** @description Why the last archive attempt failed; empty when it did not */
        archiveError: string;
        /** @enum {string} */
        linkStatus: 'unchecked' | 'ok' | 'redirected' | 'changed' | 'gone' | 'unreachable';
        linkCheckedAt: string | null;
      };
      checks: components['schemas']['LinkCheck'][];
      snapshots: components['schemas']['Snapshot'][];
    };
    ReArchiveSourceAnswer: {
      source: {
        id: string;
        publisher: string;
        title: string;
        url: string;
        /**
         * @description `queued` until its first snapshot, then `archived`
         * @enum {string}
         */
        archiveStatus: 'pending' | 'queued' | 'archived' | 'failed';
        /** @description When the latest snapshot was taken */
        archivedAt: string | null;
        /** @description The latest snapshot on the site, e.g. `/archive/<id>/` */
        archivePath: string | null;
        /** @description Why the last archive attempt failed; empty when it did not */
        archiveError: string;
        /** @enum {string} */
        linkStatus: 'unchecked' | 'ok' | 'redirected' | 'changed' | 'gone' | 'unreachable';
        linkCheckedAt: string | null;
      };
    };
    ListPostNotesAnswer: {
      notes: components['schemas']['PostNote'][];
    };
    AddPostNoteAnswer: {
      note: components['schemas']['PostNote'];
    };
    ListPageNotesAnswer: {
      notes: components['schemas']['PostNote'][];
    };
    AddPageNoteAnswer: {
      note: components['schemas']['PostNote'];
    };
    ListMediaAnswer: {
      media: components['schemas']['Media'][];
      meta: components['schemas']['Meta'];
    };
    GetMediaAnswer: {
      media: components['schemas']['Media'];
    };
    ListTagsAnswer: {
      tags: components['schemas']['Tag'][];
    };
    CreateTagAnswer: {
      tag: components['schemas']['Tag'];
    };
    ListPromotionsAnswer: {
      promotions: components['schemas']['Promotion'][];
    };
    CreatePromotionAnswer: {
      promotion: components['schemas']['Promotion'];
    };
    ListRedirectsAnswer: {
      redirects: components['schemas']['Redirect'][];
    };
    CreateRedirectAnswer: {
      redirect: components['schemas']['Redirect'];
    };
    GetSettingsAnswer: {
      settings: components['schemas']['Settings'];
    };
    ListTokensAnswer: {
      tokens: components['schemas']['ApiToken'][];
    };
    CreateTokenAnswer: {
      token: components['schemas']['ApiToken'];
      secret: string | null;
    };
    ListNewslettersAnswer: {
      newsletters: components['schemas']['Newsletter'][];
    };
    CreateNewsletterAnswer: {
      newsletter: components['schemas']['Newsletter'];
    };
    ListMembersAnswer: {
      members: components['schemas']['Member'][];
      meta: components['schemas']['Meta'];
    };
    AddMemberAnswer: {
      member: components['schemas']['Member'];
    };
    GetMemberImportAnswer: {
      import: components['schemas']['MemberImport'];
    };
    ListImportsAnswer: {
      imports: components['schemas']['ImportJobSummary'][];
    };
    CreateImportAnswer: {
      import: components['schemas']['ImportJob'];
    };
    StartSendAnswer: {
      send: components['schemas']['NewsletterSend'];
    };
    SendCorrectionAnswer: {
      sends: components['schemas']['NewsletterSend'][];
    };
    ListSendsAnswer: {
      sends: components['schemas']['NewsletterSend'][];
    };
    GetSendAnswer: {
      send: components['schemas']['NewsletterSend'];
      report: components['schemas']['SendReport'];
    };
    PreviewNewsletterAnswer: {
      preview: {
        subject: string;
        html: string;
        text: string;
      };
    };
    TestSendNewsletterAnswer: {
      test: {
        to: string;
        isSent: boolean;
        error: string;
      };
    };
    CountRecipientsAnswer: {
      newsletterIds: string[];
      count: number;
    };
    SetUpRequest: {
      siteTitle: string;
      name: string;
      email: string;
      password: string;
    };
    SignInRequest: {
      email: string;
      password: string;
    };
    CompleteSecondStepRequest: {
      code: string;
    };
    RequestSignInLinkRequest: {
      email: string;
    };
    SignInWithLinkRequest: {
      token: string;
    };
    UpdateProfileRequest: {
      name?: string;
      bio?: string;
      /** @enum {string} */
      locale?: 'en' | 'nb';
      jobTitle?: string;
      expertise?: string;
      contact?: string;
      fediverse?: string;
      profileLinks?: string[];
    };
    ChangePasswordRequest: {
      currentPassword: string;
      newPassword: string;
    };
    RequestPasswordResetRequest: {
      email: string;
    };
    CompletePasswordResetRequest: {
      token: string;
      password: string;
    };
    AcceptInvitationRequest: {
      token: string;
      name: string;
      password: string;
    };
    ConfirmTotpSetupRequest: {
      code: string;
    };
    DisableTotpRequest: {
      password: string;
      code: string;
    };
    UpdateMembershipRequest: {
      /** @enum {string} */
      role?: 'owner' | 'administrator' | 'editor' | 'author' | 'contributor';
      /** @enum {string} */
      status?: 'active' | 'suspended';
    };
    InviteStaffRequest: {
      email: string;
      /** @enum {string} */
      role: 'administrator' | 'editor' | 'author' | 'contributor';
    };
    CreatePostRequest: {
      /** @enum {string} */
      type?: 'post' | 'page';
      title: string;
      slug?: string;
      standfirst?: string;
      excerpt?: string;
      body?: unknown;
      /** @enum {string} */
      status?: 'draft' | 'scheduled' | 'published';
      publishedAt?: string | null;
      language?: string;
      translationOf?: string | null;
      authorIds?: string[];
      tagIds?: string[];
      featuredImage?: {
        mediaId: string;
        alt?: string | null;
        caption?: string | null;
        credit?: string | null;
      } | null;
      canonicalUrl?: string | null;
      metaTitle?: string | null;
      metaDescription?: string | null;
      ogTitle?: string | null;
      ogDescription?: string | null;
      twitterTitle?: string | null;
      twitterDescription?: string | null;
      /** @enum {string} */
      promotionMode?: 'site' | 'none' | 'chosen';
      promotionId?: string | null;
      isFeatured?: boolean;
      sources?: {
        publisher: string;
        title?: string;
        url: string;
        note?: string;
        reviewState?: 'imported' | null;
      }[];
      /** @enum {string} */
      workType?: 'news' | 'analysis' | 'opinion' | 'review' | 'background' | 'sponsored' | 'fact-check';
      dateline?: string;
    };
    UpdatePostRequest: {
      /** @enum {string} */
      type?: 'post' | 'page';
      title?: string;
      slug?: string;
      standfirst?: string;
      excerpt?: string;
      body?: unknown;
      /** @enum {string} */
      status?: 'draft' | 'scheduled' | 'published';
      publishedAt?: string | null;
      language?: string;
      translationOf?: string | null;
      authorIds?: string[];
      tagIds?: string[];
      featuredImage?: {
        mediaId: string;
        alt?: string | null;
        caption?: string | null;
        credit?: string | null;
      } | null;
      canonicalUrl?: string | null;
      metaTitle?: string | null;
      metaDescription?: string | null;
      ogTitle?: string | null;
      ogDescription?: string | null;
      twitterTitle?: string | null;
      twitterDescription?: string | null;
      /** @enum {string} */
      promotionMode?: 'site' | 'none' | 'chosen';
      promotionId?: string | null;
      isFeatured?: boolean;
      sources?: {
        publisher: string;
        title?: string;
        url: string;
        note?: string;
        reviewState?: 'imported' | null;
      }[];
      /** @enum {string} */
      workType?: 'news' | 'analysis' | 'opinion' | 'review' | 'background' | 'sponsored' | 'fact-check';
      dateline?: string;
      autosave?: boolean;
    };
    PublishPostRequest: {
      publishedAt?: string;
      newsletterIds?: string[];
    };
    AddPostNoteRequest: {
      /** @enum {string} */
      kind: 'correction' | 'clarification' | 'update' | 'editors-note';
      body: string;
    };
    DescribeMediaRequest: {
      alt?: string;
      caption?: string;
      credit?: string;
    };
    CreateTagRequest: {
      name: string;
      slug?: string;
      /** @enum {string} */
      kind?: 'topic' | 'person' | 'organisation' | 'place';
      description?: string;
      language?: string | null;
    };
    UpdateTagRequest: {
      name?: string;
      slug?: string;
      /** @enum {string} */
      kind?: 'topic' | 'person' | 'organisation' | 'place';
      description?: string;
      language?: string | null;
    };
    CreatePromotionRequest: {
      title: string;
      body?: string;
      imageMediaId?: string | null;
      linkUrl: string;
      ctaLabel?: string;
      /** @enum {string} */
      slot?: 'after-article' | 'sidebar';
      language?: string | null;
      isActive?: boolean;
      sortOrder?: number;
    };
    UpdatePromotionRequest: {
      title?: string;
      body?: string;
      imageMediaId?: string | null;
      linkUrl?: string;
      ctaLabel?: string;
      /** @enum {string} */
      slot?: 'after-article' | 'sidebar';
      language?: string | null;
      isActive?: boolean;
      sortOrder?: number;
    };
    CreateRedirectRequest: {
      fromPath: string;
      toUrl: string;
      statusCode?: 301 | 302;
    };
    UpdateRedirectRequest: {
      fromPath?: string;
      toUrl?: string;
      statusCode?: 301 | 302;
    };
    UpdateSettingsRequest: {
      title?: string;
      description?: string;
      logoMediaId?: string | null;
      languages?: string[];
      defaultLanguage?: string;
      navigation?: {
        label: string;
        url: string;
      }[];
      timezone?: string;
      policies?: {
        ethics?: string | null;
        corrections?: string | null;
        ownership?: string | null;
        masthead?: string | null;
        feedback?: string | null;
      };
    };
    CreateTokenRequest: {
      name: string;
      /** @enum {string} */
      role: 'administrator' | 'editor' | 'author' | 'contributor';
    };
    CreateNewsletterRequest: {
      slug?: string;
      name: string;
      language?: string;
      senderName?: string;
      senderEmail?: '' | string;
      replyTo?: '' | string;
      footer?: string;
      isActive?: boolean;
      sortOrder?: number;
    };
    UpdateNewsletterRequest: {
      slug?: string;
      name?: string;
      language?: string;
      senderName?: string;
      senderEmail?: '' | string;
      replyTo?: '' | string;
      footer?: string;
      isActive?: boolean;
      sortOrder?: number;
    };
    AddMemberRequest: {
      email: string;
      name?: string;
      /** @default [] */
      newsletterIds: string[];
    };
    UpdateMemberRequest: {
      name?: string;
      /** @enum {string} */
      status?: 'pending' | 'active' | 'unsubscribed';
      newsletterIds?: string[];
    };
    CreateImportRequest: {
      /** @enum {string} */
      source: 'wordpress' | 'ghost';
    };
    StartSendRequest: {
      postId: string;
    };
    SendCorrectionRequest: {
      postId: string;
      noteId: string;
    };
  };
  responses: {
    /** @description `BAD_REQUEST`: the body could not be read (not JSON, for instance). */
    BadRequest: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description `UNAUTHENTICATED`: no valid session or API token. */
    Unauthenticated: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description `FORBIDDEN`: the caller’s role may not do this, or a session request came from another origin or without the CSRF token. */
    Forbidden: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description `NOT_FOUND`: no such item, or not one the caller may read. */
    NotFound: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description `CONFLICT`: clashes with the current state (a slug or path in use, an item in use). */
    Conflict: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description `PAYLOAD_TOO_LARGE`: the body is too big. */
    PayloadTooLarge: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description `UNSUPPORTED_MEDIA_TYPE`: the content type is not accepted. */
    UnsupportedMediaType: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description `VALIDATION`: the input is wrong; `property` names the field at fault. */
    Validation: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description `RATE_LIMITED`: too many attempts; wait as long as `Retry-After` says. */
    RateLimited: {
      headers: {
        /** @description Seconds to wait. */
        'Retry-After'?: number;
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description `INTERNAL`: something failed on the server; details are logged, never sent. */
    Internal: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
  };
  parameters: {
    /** @description Required on every state-changing request made with the session cookie (the token from sign-in or `GET /admin/api/session`); not used with a bearer token. */
    CsrfToken: string;
    /** @description Makes a create safe to retry (docs/admin-api.md, "Retrying a create"): 1 to 255 printable ASCII characters, chosen by the client, one per create. A retry with the same key, by the same staff member or token, within 24 hours answers the first answer again (same status and body, with `Idempotent-Replayed: true`) and creates nothing; the key with another method, path or body is refused with 422 naming the header; a malformed key is refused with 422. */
    IdempotencyKey: string;
  };
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  getSetup: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Whether the site still needs setting up */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GetSetupAnswer'];
        };
      };
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  setUp: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SetUpRequest'];
      };
    };
    responses: {
      /** @description Sets the site up: its title and its owner, who is signed in */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SignedIn'];
        };
      };
      /** @description The second step is still to do: POST /admin/api/session/second-step. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SecondStepNeeded'];
        };
      };
      400: components['responses']['BadRequest'];
      403: components['responses']['Forbidden'];
      422: components['responses']['Validation'];
      429: components['responses']['RateLimited'];
      500: components['responses']['Internal'];
    };
  };
  getSession: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Who is signed in, with the CSRF token of the session */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SignedIn'];
        };
      };
      401: components['responses']['Unauthenticated'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  signIn: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SignInRequest'];
      };
    };
    responses: {
      /** @description Signs in with an email address and password */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SignedIn'];
        };
      };
      /** @description The second step is still to do: POST /admin/api/session/second-step. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SecondStepNeeded'];
        };
      };
      400: components['responses']['BadRequest'];
      403: components['responses']['Forbidden'];
      422: components['responses']['Validation'];
      429: components['responses']['RateLimited'];
      500: components['responses']['Internal'];
    };
  };
  signOut: {
    parameters: {
      query?: never;
      header?: {
        /** @description Required on every state-changing request made with the session cookie (the token from sign-in or `GET /admin/api/session`); not used with a bearer token. */
        'X-CSRF-Token'?: components['parameters']['CsrfToken'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Done; nothing to say. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      409: components['responses']['Conflict'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  completeSecondStep: {
    parameters: {
      query?: never;
      header?: {
        /** @description Required on every state-changing request made with the session cookie (the token from sign-in or `GET /admin/api/session`); not used with a bearer token. */
        'X-CSRF-Token'?: components['parameters']['CsrfToken'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CompleteSecondStepRequest'];
      };
    };
    responses: {
      /** @description The second step of signing in: a TOTP, recovery or emailed code */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SignedIn'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      409: components['responses']['Conflict'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  requestSignInLink: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RequestSignInLinkRequest'];
      };
    };
    responses: {
      /** @description Emails a sign-in link to the address, if it is a staff member’s */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RequestSignInLinkAnswer'];
        };
      };
      400: components['responses']['BadRequest'];
      403: components['responses']['Forbidden'];
      422: components['responses']['Validation'];
      429: components['responses']['RateLimited'];
      500: components['responses']['Internal'];
    };
  };
  signInWithLink: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SignInWithLinkRequest'];
      };
    };
    responses: {
      /** @description Signs in with the token of an emailed link */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SignedIn'];
        };
      };
      /** @description The second step is still to do: POST /admin/api/session/second-step. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SecondStepNeeded'];
        };
      };
      400: components['responses']['BadRequest'];
      403: components['responses']['Forbidden'];
      422: components['responses']['Validation'];
      429: components['responses']['RateLimited'];
      500: components['responses']['Internal'];
    };
  };
  updateProfile: {
    parameters: {
      query?: never;
      header?: {
        /** @description Required on every state-changing request made with the session cookie (the token from sign-in or `GET /admin/api/session`); not used with a bearer token. */
        'X-CSRF-Token'?: components['parameters']['CsrfToken'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateProfileRequest'];
      };
    };
    responses: {
      /** @description Changes your own profile */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UpdateProfileAnswer'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      409: components['responses']['Conflict'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  changePassword: {
    parameters: {
      query?: never;
      header?: {
        /** @description Required on every state-changing request made with the session cookie (the token from sign-in or `GET /admin/api/session`); not used with a bearer token. */
        'X-CSRF-Token'?: components['parameters']['CsrfToken'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ChangePasswordRequest'];
      };
    };
    responses: {
      /** @description Done; nothing to say. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      409: components['responses']['Conflict'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  getMailStatus: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Whether the site can send email */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GetMailStatusAnswer'];
        };
      };
      401: components['responses']['Unauthenticated'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  requestPasswordReset: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RequestPasswordResetRequest'];
      };
    };
    responses: {
      /** @description Emails a password reset link to the address, if it is a staff member’s */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RequestSignInLinkAnswer'];
        };
      };
      400: components['responses']['BadRequest'];
      403: components['responses']['Forbidden'];
      422: components['responses']['Validation'];
      429: components['responses']['RateLimited'];
      500: components['responses']['Internal'];
    };
  };
  completePasswordReset: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CompletePasswordResetRequest'];
      };
    };
    responses: {
      /** @description Done; nothing to say. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['BadRequest'];
      403: components['responses']['Forbidden'];
      422: components['responses']['Validation'];
      429: components['responses']['RateLimited'];
      500: components['responses']['Internal'];
    };
  };
  acceptInvitation: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AcceptInvitationRequest'];
      };
    };
    responses: {
      /** @description Joins the staff with an invitation’s token, and signs in */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SignedIn'];
        };
      };
      /** @description The second step is still to do: POST /admin/api/session/second-step. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SecondStepNeeded'];
        };
      };
      400: components['responses']['BadRequest'];
      403: components['responses']['Forbidden'];
      422: components['responses']['Validation'];
      429: components['responses']['RateLimited'];
      500: components['responses']['Internal'];
    };
  };
  getTotpStatus: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Whether two-step sign-in is on, and how many recovery codes are left */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GetTotpStatusAnswer'];
        };
      };
      401: components['responses']['Unauthenticated'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  startTotpSetup: {
    parameters: {
      query?: never;
      header?: {
        /** @description Required on every state-changing request made with the session cookie (the token from sign-in or `GET /admin/api/session`); not used with a bearer token. */
        'X-CSRF-Token'?: components['parameters']['CsrfToken'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Starts a TOTP setup: a new secret, on only after a first code confirms it */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StartTotpSetupAnswer'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      409: components['responses']['Conflict'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  confirmTotpSetup: {
    parameters: {
      query?: never;
      header?: {
        /** @description Required on every state-changing request made with the session cookie (the token from sign-in or `GET /admin/api/session`); not used with a bearer token. */
        'X-CSRF-Token'?: components['parameters']['CsrfToken'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ConfirmTotpSetupRequest'];
      };
    };
    responses: {
      /** @description Switches TOTP on with a first code; answers the recovery codes, shown this once */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConfirmTotpSetupAnswer'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      409: components['responses']['Conflict'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  disableTotp: {
    parameters: {
      query?: never;
      header?: {
        /** @description Required on every state-changing request made with the session cookie (the token from sign-in or `GET /admin/api/session`); not used with a bearer token. */
        'X-CSRF-Token'?: components['parameters']['CsrfToken'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DisableTotpRequest'];
      };
    };
    responses: {
      /** @description Done; nothing to say. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      409: components['responses']['Conflict'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  listStaff: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The staff; email addresses only for those who manage staff */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ListStaffAnswer'];
        };
      };
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  updateMembership: {
    parameters: {
      query?: never;
      header?: {
        /** @description Required on every state-changing request made with the session cookie (the token from sign-in or `GET /admin/api/session`); not used with a bearer token. */
        'X-CSRF-Token'?: components['parameters']['CsrfToken'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateMembershipRequest'];
      };
    };
    responses: {
      /** @description Changes a staff member’s role, or suspends or restores them */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UpdateMembershipAnswer'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  listInvitations: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Invitations not yet accepted */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ListInvitationsAnswer'];
        };
      };
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  inviteStaff: {
    parameters: {
      query?: never;
      header?: {
        /** @description Required on every state-changing request made with the session cookie (the token from sign-in or `GET /admin/api/session`); not used with a bearer token. */
        'X-CSRF-Token'?: components['parameters']['CsrfToken'];
        /** @description Makes a create safe to retry (docs/admin-api.md, "Retrying a create"): 1 to 255 printable ASCII characters, chosen by the client, one per create. A retry with the same key, by the same staff member or token, within 24 hours answers the first answer again (same status and body, with `Idempotent-Replayed: true`) and creates nothing; the key with another method, path or body is refused with 422 naming the header; a malformed key is refused with 422. */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['InviteStaffRequest'];
      };
    };
    responses: {
      /** @description Invites someone to the staff by email */
      202: {
        headers: {
          /** @description `true` when the answer is the stored answer of an earlier request with the same Idempotency-Key. */
          'Idempotent-Replayed'?: 'true';
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RequestSignInLinkAnswer'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      409: components['responses']['Conflict'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  revokeInvitation: {
    parameters: {
      query?: never;
      header?: {
        /** @description Required on every state-changing request made with the session cookie (the token from sign-in or `GET /admin/api/session`); not used with a bearer token. */
        'X-CSRF-Token'?: components['parameters']['CsrfToken'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Done; nothing to say. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  listPosts: {
    parameters: {
      query?: {
        status?: 'draft' | 'scheduled' | 'published';
        authorId?: string;
        tagId?: string;
        language?: string;
        q?: string;
        page?: number;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Posts the caller may read, newest change first, with filters and search */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ListPostsAnswer'];
        };
      };
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  createPost: {
    parameters: {
      query?: never;
      header?: {
        /** @description Required on every state-changing request made with the session cookie (the token from sign-in or `GET /admin/api/session`); not used with a bearer token. */
        'X-CSRF-Token'?: components['parameters']['CsrfToken'];
        /** @description Makes a create safe to retry (docs/admin-api.md, "Retrying a create"): 1 to 255 printable ASCII characters, chosen by the client, one per create. A retry with the same key, by the same staff member or token, within 24 hours answers the first answer again (same status and body, with `Idempotent-Replayed: true`) and creates nothing; the key with another method, path or body is refused with 422 naming the header; a malformed key is refused with 422. */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreatePostRequest'];
      };
    };
    responses: {
      /** @description Creates a post (a draft unless a status is given) */
      201: {
        headers: {
          /** @description `true` when the answer is the stored answer of an earlier request with the same Idempotency-Key. */
          'Idempotent-Replayed'?: 'true';
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GetPostAnswer'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      409: components['responses']['Conflict'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  getPost: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One post, with everything the editor shows */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GetPostAnswer'];
        };
      };
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  deletePost: {
    parameters: {
      query?: never;
      header?: {
        /** @description Required on every state-changing request made with the session cookie (the token from sign-in or `GET /admin/api/session`); not used with a bearer token. */
        'X-CSRF-Token'?: components['parameters']['CsrfToken'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Done; nothing to say. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  updatePost: {
    parameters: {
      query?: never;
      header?: {
        /** @description Required on every state-changing request made with the session cookie (the token from sign-in or `GET /admin/api/session`); not used with a bearer token. */
        'X-CSRF-Token'?: components['parameters']['CsrfToken'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdatePostRequest'];
      };
    };
    responses: {
      /** @description Saves a post; with `autosave: true` a published post's change is kept as a revision only */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GetPostAnswer'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  publishPost: {
    parameters: {
      query?: never;
      header?: {
        /** @description Required on every state-changing request made with the session cookie (the token from sign-in or `GET /admin/api/session`); not used with a bearer token. */
        'X-CSRF-Token'?: components['parameters']['CsrfToken'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PublishPostRequest'];
      };
    };
    responses: {
      /** @description Publishes a post (now or at `publishedAt`), and sends it to the newsletters named */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GetPostAnswer'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  unpublishPost: {
    parameters: {
      query?: never;
      header?: {
        /** @description Required on every state-changing request made with the session cookie (the token from sign-in or `GET /admin/api/session`); not used with a bearer token. */
        'X-CSRF-Token'?: components['parameters']['CsrfToken'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Takes a post back to draft */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GetPostAnswer'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  listPostRevisions: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A post's saved states, newest first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ListPostRevisionsAnswer'];
        };
      };
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  restorePostRevision: {
    parameters: {
      query?: never;
      header?: {
        /** @description Required on every state-changing request made with the session cookie (the token from sign-in or `GET /admin/api/session`); not used with a bearer token. */
        'X-CSRF-Token'?: components['parameters']['CsrfToken'];
      };
      path: {
        id: string;
        revisionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Restores a saved state of a post (itself saved as a new revision) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GetPostAnswer'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  previewPost: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The page, as the site renders it. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/html': string;
        };
      };
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  listPages: {
    parameters: {
      query?: {
        status?: 'draft' | 'scheduled' | 'published';
        authorId?: string;
        tagId?: string;
        language?: string;
        q?: string;
        page?: number;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Pages the caller may read, newest change first, with filters and search */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ListPagesAnswer'];
        };
      };
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  createPage: {
    parameters: {
      query?: never;
      header?: {
        /** @description Required on every state-changing request made with the session cookie (the token from sign-in or `GET /admin/api/session`); not used with a bearer token. */
        'X-CSRF-Token'?: components['parameters']['CsrfToken'];
        /** @description Makes a create safe to retry (docs/admin-api.md, "Retrying a create"): 1 to 255 printable ASCII characters, chosen by the client, one per create. A retry with the same key, by the same staff member or token, within 24 hours answers the first answer again (same status and body, with `Idempotent-Replayed: true`) and creates nothing; the key with another method, path or body is refused with 422 naming the header; a malformed key is refused with 422. */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreatePostRequest'];
      };
    };
    responses: {
      /** @description Creates a page (a draft unless a status is given) */
      201: {
        headers: {
          /** @description `true` when the answer is the stored answer of an earlier request with the same Idempotency-Key. */
          'Idempotent-Replayed'?: 'true';
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GetPostAnswer'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      409: components['responses']['Conflict'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  getPage: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page, with everything the editor shows */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GetPostAnswer'];
        };
      };
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  deletePage: {
    parameters: {
      query?: never;
      header?: {
        /** @description Required on every state-changing request made with the session cookie (the token from sign-in or `GET /admin/api/session`); not used with a bearer token. */
        'X-CSRF-Token'?: components['parameters']['CsrfToken'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Done; nothing to say. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  updatePage: {
    parameters: {
      query?: never;
      header?: {
        /** @description Required on every state-changing request made with the session cookie (the token from sign-in or `GET /admin/api/session`); not used with a bearer token. */
        'X-CSRF-Token'?: components['parameters']['CsrfToken'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdatePostRequest'];
      };
    };
    responses: {
      /** @description Saves a page; with `autosave: true` a published page's change is kept as a revision only */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GetPostAnswer'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  publishPage: {
    parameters: {
      query?: never;
      header?: {
        /** @description Required on every state-changing request made with the session cookie (the token from sign-in or `GET /admin/api/session`); not used with a bearer token. */
        'X-CSRF-Token'?: components['parameters']['CsrfToken'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PublishPostRequest'];
      };
    };
    responses: {
      /** @description Publishes a page (now or at `publishedAt`), and sends it to the newsletters named */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GetPostAnswer'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  unpublishPage: {
    parameters: {
      query?: never;
      header?: {
        /** @description Required on every state-changing request made with the session cookie (the token from sign-in or `GET /admin/api/session`); not used with a bearer token. */
        'X-CSRF-Token'?: components['parameters']['CsrfToken'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Takes a page back to draft */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GetPostAnswer'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  listPageRevisions: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page's saved states, newest first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ListPageRevisionsAnswer'];
        };
      };
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  restorePageRevision: {
    parameters: {
      query?: never;
      header?: {
        /** @description Required on every state-changing request made with the session cookie (the token from sign-in or `GET /admin/api/session`); not used with a bearer token. */
        'X-CSRF-Token'?: components['parameters']['CsrfToken'];
      };
      path: {
        id: string;
        revisionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Restores a saved state of a page (itself saved as a new revision) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GetPostAnswer'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  previewPage: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The page, as the site renders it. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/html': string;
        };
      };
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  listLinkHealth: {
    parameters: {
      query?: {
        state?: 'unchecked' | 'ok' | 'redirected' | 'changed' | 'gone' | 'unreachable';
        after?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Cited sources with their link health and the posts citing them, a keyset page at a time */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ListLinkHealthAnswer'];
        };
      };
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  getSourceHistory: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One source with its link checks (newest first) and its archived copies */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GetSourceHistoryAnswer'];
        };
      };
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  reArchiveSource: {
    parameters: {
      query?: never;
      header?: {
        /** @description Required on every state-changing request made with the session cookie (the token from sign-in or `GET /admin/api/session`); not used with a bearer token. */
        'X-CSRF-Token'?: components['parameters']['CsrfToken'];
        /** @description Makes a create safe to retry (docs/admin-api.md, "Retrying a create"): 1 to 255 printable ASCII characters, chosen by the client, one per create. A retry with the same key, by the same staff member or token, within 24 hours answers the first answer again (same status and body, with `Idempotent-Replayed: true`) and creates nothing; the key with another method, path or body is refused with 422 naming the header; a malformed key is refused with 422. */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Re-archive now: queues a fresh snapshot of the source (earlier ones are kept) */
      202: {
        headers: {
          /** @description `true` when the answer is the stored answer of an earlier request with the same Idempotency-Key. */
          'Idempotent-Replayed'?: 'true';
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReArchiveSourceAnswer'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  listPostNotes: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A post's corrections, clarifications, updates and editor's notes, oldest first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ListPostNotesAnswer'];
        };
      };
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  addPostNote: {
    parameters: {
      query?: never;
      header?: {
        /** @description Required on every state-changing request made with the session cookie (the token from sign-in or `GET /admin/api/session`); not used with a bearer token. */
        'X-CSRF-Token'?: components['parameters']['CsrfToken'];
        /** @description Makes a create safe to retry (docs/admin-api.md, "Retrying a create"): 1 to 255 printable ASCII characters, chosen by the client, one per create. A retry with the same key, by the same staff member or token, within 24 hours answers the first answer again (same status and body, with `Idempotent-Replayed: true`) and creates nothing; the key with another method, path or body is refused with 422 naming the header; a malformed key is refused with 422. */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AddPostNoteRequest'];
      };
    };
    responses: {
      /** @description Publishes a note on a published post's record; it can never be changed or deleted */
      201: {
        headers: {
          /** @description `true` when the answer is the stored answer of an earlier request with the same Idempotency-Key. */
          'Idempotent-Replayed'?: 'true';
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AddPostNoteAnswer'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  listPageNotes: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page's corrections, clarifications, updates and editor's notes, oldest first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ListPageNotesAnswer'];
        };
      };
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  addPageNote: {
    parameters: {
      query?: never;
      header?: {
        /** @description Required on every state-changing request made with the session cookie (the token from sign-in or `GET /admin/api/session`); not used with a bearer token. */
        'X-CSRF-Token'?: components['parameters']['CsrfToken'];
        /** @description Makes a create safe to retry (docs/admin-api.md, "Retrying a create"): 1 to 255 printable ASCII characters, chosen by the client, one per create. A retry with the same key, by the same staff member or token, within 24 hours answers the first answer again (same status and body, with `Idempotent-Replayed: true`) and creates nothing; the key with another method, path or body is refused with 422 naming the header; a malformed key is refused with 422. */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AddPostNoteRequest'];
      };
    };
    responses: {
      /** @description Publishes a note on a published page's record; it can never be changed or deleted */
      201: {
        headers: {
          /** @description `true` when the answer is the stored answer of an earlier request with the same Idempotency-Key. */
          'Idempotent-Replayed'?: 'true';
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AddPageNoteAnswer'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  listMedia: {
    parameters: {
      query?: {
        page?: number;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The images the caller may see, newest first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ListMediaAnswer'];
        };
      };
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  uploadMedia: {
    parameters: {
      query?: {
        filename?: string;
      };
      header?: {
        /** @description Required on every state-changing request made with the session cookie (the token from sign-in or `GET /admin/api/session`); not used with a bearer token. */
        'X-CSRF-Token'?: components['parameters']['CsrfToken'];
        /** @description Makes a create safe to retry (docs/admin-api.md, "Retrying a create"): 1 to 255 printable ASCII characters, chosen by the client, one per create. A retry with the same key, by the same staff member or token, within 24 hours answers the first answer again (same status and body, with `Idempotent-Replayed: true`) and creates nothing; the key with another method, path or body is refused with 422 naming the header; a malformed key is refused with 422. */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    /** @description The image file. At most 20971520 bytes. */
    requestBody: {
      content: {
        '*/*': string;
      };
    };
    responses: {
      /** @description Uploads an image: the file’s bytes as the body, its name in `filename` */
      201: {
        headers: {
          /** @description `true` when the answer is the stored answer of an earlier request with the same Idempotency-Key. */
          'Idempotent-Replayed'?: 'true';
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GetMediaAnswer'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      409: components['responses']['Conflict'];
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      422: components['responses']['Validation'];
      429: components['responses']['RateLimited'];
      500: components['responses']['Internal'];
    };
  };
  getMedia: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One image, with the posts and other places that use it */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GetMediaAnswer'];
        };
      };
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  deleteMedia: {
    parameters: {
      query?: never;
      header?: {
        /** @description Required on every state-changing request made with the session cookie (the token from sign-in or `GET /admin/api/session`); not used with a bearer token. */
        'X-CSRF-Token'?: components['parameters']['CsrfToken'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Done; nothing to say. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  describeMedia: {
    parameters: {
      query?: never;
      header?: {
        /** @description Required on every state-changing request made with the session cookie (the token from sign-in or `GET /admin/api/session`); not used with a bearer token. */
        'X-CSRF-Token'?: components['parameters']['CsrfToken'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DescribeMediaRequest'];
      };
    };
    responses: {
      /** @description Changes an image’s alt text, caption and credit */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GetMediaAnswer'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  listTags: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Every tag, with how many posts carry it */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ListTagsAnswer'];
        };
      };
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  createTag: {
    parameters: {
      query?: never;
      header?: {
        /** @description Required on every state-changing request made with the session cookie (the token from sign-in or `GET /admin/api/session`); not used with a bearer token. */
        'X-CSRF-Token'?: components['parameters']['CsrfToken'];
        /** @description Makes a create safe to retry (docs/admin-api.md, "Retrying a create"): 1 to 255 printable ASCII characters, chosen by the client, one per create. A retry with the same key, by the same staff member or token, within 24 hours answers the first answer again (same status and body, with `Idempotent-Replayed: true`) and creates nothing; the key with another method, path or body is refused with 422 naming the header; a malformed key is refused with 422. */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateTagRequest'];
      };
    };
    responses: {
      /** @description Creates a tag */
      201: {
        headers: {
          /** @description `true` when the answer is the stored answer of an earlier request with the same Idempotency-Key. */
          'Idempotent-Replayed'?: 'true';
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreateTagAnswer'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      409: components['responses']['Conflict'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  deleteTag: {
    parameters: {
      query?: never;
      header?: {
        /** @description Required on every state-changing request made with the session cookie (the token from sign-in or `GET /admin/api/session`); not used with a bearer token. */
        'X-CSRF-Token'?: components['parameters']['CsrfToken'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Done; nothing to say. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  updateTag: {
    parameters: {
      query?: never;
      header?: {
        /** @description Required on every state-changing request made with the session cookie (the token from sign-in or `GET /admin/api/session`); not used with a bearer token. */
        'X-CSRF-Token'?: components['parameters']['CsrfToken'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateTagRequest'];
      };
    };
    responses: {
      /** @description Changes a tag */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreateTagAnswer'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  listPromotions: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Every promotion */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ListPromotionsAnswer'];
        };
      };
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  createPromotion: {
    parameters: {
      query?: never;
      header?: {
        /** @description Required on every state-changing request made with the session cookie (the token from sign-in or `GET /admin/api/session`); not used with a bearer token. */
        'X-CSRF-Token'?: components['parameters']['CsrfToken'];
        /** @description Makes a create safe to retry (docs/admin-api.md, "Retrying a create"): 1 to 255 printable ASCII characters, chosen by the client, one per create. A retry with the same key, by the same staff member or token, within 24 hours answers the first answer again (same status and body, with `Idempotent-Replayed: true`) and creates nothing; the key with another method, path or body is refused with 422 naming the header; a malformed key is refused with 422. */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreatePromotionRequest'];
      };
    };
    responses: {
      /** @description Creates a promotion */
      201: {
        headers: {
          /** @description `true` when the answer is the stored answer of an earlier request with the same Idempotency-Key. */
          'Idempotent-Replayed'?: 'true';
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreatePromotionAnswer'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      409: components['responses']['Conflict'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  deletePromotion: {
    parameters: {
      query?: never;
      header?: {
        /** @description Required on every state-changing request made with the session cookie (the token from sign-in or `GET /admin/api/session`); not used with a bearer token. */
        'X-CSRF-Token'?: components['parameters']['CsrfToken'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Done; nothing to say. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  updatePromotion: {
    parameters: {
      query?: never;
      header?: {
        /** @description Required on every state-changing request made with the session cookie (the token from sign-in or `GET /admin/api/session`); not used with a bearer token. */
        'X-CSRF-Token'?: components['parameters']['CsrfToken'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdatePromotionRequest'];
      };
    };
    responses: {
      /** @description Changes a promotion */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreatePromotionAnswer'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  listRedirects: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Every redirect */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ListRedirectsAnswer'];
        };
      };
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  createRedirect: {
    parameters: {
      query?: never;
      header?: {
        /** @description Required on every state-changing request made with the session cookie (the token from sign-in or `GET /admin/api/session`); not used with a bearer token. */
        'X-CSRF-Token'?: components['parameters']['CsrfToken'];
        /** @description Makes a create safe to retry (docs/admin-api.md, "Retrying a create"): 1 to 255 printable ASCII characters, chosen by the client, one per create. A retry with the same key, by the same staff member or token, within 24 hours answers the first answer again (same status and body, with `Idempotent-Replayed: true`) and creates nothing; the key with another method, path or body is refused with 422 naming the header; a malformed key is refused with 422. */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateRedirectRequest'];
      };
    };
    responses: {
      /** @description Creates a redirect */
      201: {
        headers: {
          /** @description `true` when the answer is the stored answer of an earlier request with the same Idempotency-Key. */
          'Idempotent-Replayed'?: 'true';
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreateRedirectAnswer'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      409: components['responses']['Conflict'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  deleteRedirect: {
    parameters: {
      query?: never;
      header?: {
        /** @description Required on every state-changing request made with the session cookie (the token from sign-in or `GET /admin/api/session`); not used with a bearer token. */
        'X-CSRF-Token'?: components['parameters']['CsrfToken'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Done; nothing to say. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  updateRedirect: {
    parameters: {
      query?: never;
      header?: {
        /** @description Required on every state-changing request made with the session cookie (the token from sign-in or `GET /admin/api/session`); not used with a bearer token. */
        'X-CSRF-Token'?: components['parameters']['CsrfToken'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateRedirectRequest'];
      };
    };
    responses: {
      /** @description Changes a redirect */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreateRedirectAnswer'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  getSettings: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The site settings */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GetSettingsAnswer'];
        };
      };
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  updateSettings: {
    parameters: {
      query?: never;
      header?: {
        /** @description Required on every state-changing request made with the session cookie (the token from sign-in or `GET /admin/api/session`); not used with a bearer token. */
        'X-CSRF-Token'?: components['parameters']['CsrfToken'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateSettingsRequest'];
      };
    };
    responses: {
      /** @description Changes the settings given; the others stay */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GetSettingsAnswer'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      409: components['responses']['Conflict'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  listTokens: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The API tokens (never their secrets) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ListTokensAnswer'];
        };
      };
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  createToken: {
    parameters: {
      query?: never;
      header?: {
        /** @description Required on every state-changing request made with the session cookie (the token from sign-in or `GET /admin/api/session`); not used with a bearer token. */
        'X-CSRF-Token'?: components['parameters']['CsrfToken'];
        /** @description Makes a create safe to retry (docs/admin-api.md, "Retrying a create"): 1 to 255 printable ASCII characters, chosen by the client, one per create. A retry with the same key, by the same staff member or token, within 24 hours answers the first answer again (same status and body, with `Idempotent-Replayed: true`) and creates nothing; the key with another method, path or body is refused with 422 naming the header; a malformed key is refused with 422. */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateTokenRequest'];
      };
    };
    responses: {
      /** @description Makes an API token; its secret is in this answer only */
      201: {
        headers: {
          /** @description `true` when the answer is the stored answer of an earlier request with the same Idempotency-Key. */
          'Idempotent-Replayed'?: 'true';
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreateTokenAnswer'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      409: components['responses']['Conflict'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  revokeToken: {
    parameters: {
      query?: never;
      header?: {
        /** @description Required on every state-changing request made with the session cookie (the token from sign-in or `GET /admin/api/session`); not used with a bearer token. */
        'X-CSRF-Token'?: components['parameters']['CsrfToken'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Done; nothing to say. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  listNewsletters: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Every newsletter, with how many members get it */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ListNewslettersAnswer'];
        };
      };
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  createNewsletter: {
    parameters: {
      query?: never;
      header?: {
        /** @description Required on every state-changing request made with the session cookie (the token from sign-in or `GET /admin/api/session`); not used with a bearer token. */
        'X-CSRF-Token'?: components['parameters']['CsrfToken'];
        /** @description Makes a create safe to retry (docs/admin-api.md, "Retrying a create"): 1 to 255 printable ASCII characters, chosen by the client, one per create. A retry with the same key, by the same staff member or token, within 24 hours answers the first answer again (same status and body, with `Idempotent-Replayed: true`) and creates nothing; the key with another method, path or body is refused with 422 naming the header; a malformed key is refused with 422. */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateNewsletterRequest'];
      };
    };
    responses: {
      /** @description Creates a newsletter */
      201: {
        headers: {
          /** @description `true` when the answer is the stored answer of an earlier request with the same Idempotency-Key. */
          'Idempotent-Replayed'?: 'true';
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreateNewsletterAnswer'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      409: components['responses']['Conflict'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  deleteNewsletter: {
    parameters: {
      query?: never;
      header?: {
        /** @description Required on every state-changing request made with the session cookie (the token from sign-in or `GET /admin/api/session`); not used with a bearer token. */
        'X-CSRF-Token'?: components['parameters']['CsrfToken'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Done; nothing to say. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  updateNewsletter: {
    parameters: {
      query?: never;
      header?: {
        /** @description Required on every state-changing request made with the session cookie (the token from sign-in or `GET /admin/api/session`); not used with a bearer token. */
        'X-CSRF-Token'?: components['parameters']['CsrfToken'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateNewsletterRequest'];
      };
    };
    responses: {
      /** @description Changes a newsletter */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreateNewsletterAnswer'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  listMembers: {
    parameters: {
      query?: {
        q?: string;
        status?: 'pending' | 'active' | 'unsubscribed';
        newsletterId?: string;
        page?: number;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Members, newest first, with search and filters */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ListMembersAnswer'];
        };
      };
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  addMember: {
    parameters: {
      query?: never;
      header?: {
        /** @description Required on every state-changing request made with the session cookie (the token from sign-in or `GET /admin/api/session`); not used with a bearer token. */
        'X-CSRF-Token'?: components['parameters']['CsrfToken'];
        /** @description Makes a create safe to retry (docs/admin-api.md, "Retrying a create"): 1 to 255 printable ASCII characters, chosen by the client, one per create. A retry with the same key, by the same staff member or token, within 24 hours answers the first answer again (same status and body, with `Idempotent-Replayed: true`) and creates nothing; the key with another method, path or body is refused with 422 naming the header; a malformed key is refused with 422. */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AddMemberRequest'];
      };
    };
    responses: {
      /** @description Adds a member by hand (consent source `admin`) */
      201: {
        headers: {
          /** @description `true` when the answer is the stored answer of an earlier request with the same Idempotency-Key. */
          'Idempotent-Replayed'?: 'true';
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AddMemberAnswer'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      409: components['responses']['Conflict'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  deleteMember: {
    parameters: {
      query?: never;
      header?: {
        /** @description Required on every state-changing request made with the session cookie (the token from sign-in or `GET /admin/api/session`); not used with a bearer token. */
        'X-CSRF-Token'?: components['parameters']['CsrfToken'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Done; nothing to say. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  updateMember: {
    parameters: {
      query?: never;
      header?: {
        /** @description Required on every state-changing request made with the session cookie (the token from sign-in or `GET /admin/api/session`); not used with a bearer token. */
        'X-CSRF-Token'?: components['parameters']['CsrfToken'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateMemberRequest'];
      };
    };
    responses: {
      /** @description Changes a member’s name, status or newsletters */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AddMemberAnswer'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  exportMembers: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One member a line, with a header line. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/csv': string;
        };
      };
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  getMemberImport: {
    parameters: {
      query?: {
        afterLine?: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description How far a member import is, with the report’s lines after `afterLine` */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GetMemberImportAnswer'];
        };
      };
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  importMembers: {
    parameters: {
      query?: never;
      header?: {
        /** @description Required on every state-changing request made with the session cookie (the token from sign-in or `GET /admin/api/session`); not used with a bearer token. */
        'X-CSRF-Token'?: components['parameters']['CsrfToken'];
        /** @description Makes a create safe to retry (docs/admin-api.md, "Retrying a create"): 1 to 255 printable ASCII characters, chosen by the client, one per create. A retry with the same key, by the same staff member or token, within 24 hours answers the first answer again (same status and body, with `Idempotent-Replayed: true`) and creates nothing; the key with another method, path or body is refused with 422 naming the header; a malformed key is refused with 422. */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    /** @description The CSV file: a header line with `email` and optionally `name`, `newsletters`. At most 5242880 bytes. */
    requestBody: {
      content: {
        'text/csv': string;
        'text/plain': string;
      };
    };
    responses: {
      /** @description Imports members from a CSV file (the body, text/csv, up to 5 MiB), as a job */
      202: {
        headers: {
          /** @description `true` when the answer is the stored answer of an earlier request with the same Idempotency-Key. */
          'Idempotent-Replayed'?: 'true';
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GetMemberImportAnswer'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      409: components['responses']['Conflict'];
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  listImports: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The newest imports (at most 10), without their plans and reports */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ListImportsAnswer'];
        };
      };
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  createImport: {
    parameters: {
      query?: never;
      header?: {
        /** @description Required on every state-changing request made with the session cookie (the token from sign-in or `GET /admin/api/session`); not used with a bearer token. */
        'X-CSRF-Token'?: components['parameters']['CsrfToken'];
        /** @description Makes a create safe to retry (docs/admin-api.md, "Retrying a create"): 1 to 255 printable ASCII characters, chosen by the client, one per create. A retry with the same key, by the same staff member or token, within 24 hours answers the first answer again (same status and body, with `Idempotent-Replayed: true`) and creates nothing; the key with another method, path or body is refused with 422 naming the header; a malformed key is refused with 422. */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateImportRequest'];
      };
    };
    responses: {
      /** @description Starts an import from WordPress or Ghost: it takes files until its plan is asked for */
      201: {
        headers: {
          /** @description `true` when the answer is the stored answer of an earlier request with the same Idempotency-Key. */
          'Idempotent-Replayed'?: 'true';
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreateImportAnswer'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      409: components['responses']['Conflict'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  getImport: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description An import: its status, progress, plan and report */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreateImportAnswer'];
        };
      };
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  uploadImportFile: {
    parameters: {
      query?: {
        filename?: string;
      };
      header?: {
        /** @description Required on every state-changing request made with the session cookie (the token from sign-in or `GET /admin/api/session`); not used with a bearer token. */
        'X-CSRF-Token'?: components['parameters']['CsrfToken'];
        /** @description Makes a create safe to retry (docs/admin-api.md, "Retrying a create"): 1 to 255 printable ASCII characters, chosen by the client, one per create. A retry with the same key, by the same staff member or token, within 24 hours answers the first answer again (same status and body, with `Idempotent-Replayed: true`) and creates nothing; the key with another method, path or body is refused with 422 naming the header; a malformed key is refused with 422. */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    /** @description The file. At most 536870912 bytes. */
    requestBody: {
      content: {
        '*/*': string;
      };
    };
    responses: {
      /** @description Adds a file to an import: the export (WXR .xml, several allowed; Ghost .json) or a ZIP of images */
      201: {
        headers: {
          /** @description `true` when the answer is the stored answer of an earlier request with the same Idempotency-Key. */
          'Idempotent-Replayed'?: 'true';
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreateImportAnswer'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  planImport: {
    parameters: {
      query?: never;
      header?: {
        /** @description Required on every state-changing request made with the session cookie (the token from sign-in or `GET /admin/api/session`); not used with a bearer token. */
        'X-CSRF-Token'?: components['parameters']['CsrfToken'];
        /** @description Makes a create safe to retry (docs/admin-api.md, "Retrying a create"): 1 to 255 printable ASCII characters, chosen by the client, one per create. A retry with the same key, by the same staff member or token, within 24 hours answers the first answer again (same status and body, with `Idempotent-Replayed: true`) and creates nothing; the key with another method, path or body is refused with 422 naming the header; a malformed key is refused with 422. */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Queues the plan: a dry run that counts what would be created, updated and skipped */
      202: {
        headers: {
          /** @description `true` when the answer is the stored answer of an earlier request with the same Idempotency-Key. */
          'Idempotent-Replayed'?: 'true';
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreateImportAnswer'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  runImport: {
    parameters: {
      query?: never;
      header?: {
        /** @description Required on every state-changing request made with the session cookie (the token from sign-in or `GET /admin/api/session`); not used with a bearer token. */
        'X-CSRF-Token'?: components['parameters']['CsrfToken'];
        /** @description Makes a create safe to retry (docs/admin-api.md, "Retrying a create"): 1 to 255 printable ASCII characters, chosen by the client, one per create. A retry with the same key, by the same staff member or token, within 24 hours answers the first answer again (same status and body, with `Idempotent-Replayed: true`) and creates nothing; the key with another method, path or body is refused with 422 naming the header; a malformed key is refused with 422. */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Queues the import itself, once its plan is ready; all or nothing, safe to run again */
      202: {
        headers: {
          /** @description `true` when the answer is the stored answer of an earlier request with the same Idempotency-Key. */
          'Idempotent-Replayed'?: 'true';
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreateImportAnswer'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  cancelImport: {
    parameters: {
      query?: never;
      header?: {
        /** @description Required on every state-changing request made with the session cookie (the token from sign-in or `GET /admin/api/session`); not used with a bearer token. */
        'X-CSRF-Token'?: components['parameters']['CsrfToken'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Cancels an import that has not started running; its files are deleted */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreateImportAnswer'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  startSend: {
    parameters: {
      query?: never;
      header?: {
        /** @description Required on every state-changing request made with the session cookie (the token from sign-in or `GET /admin/api/session`); not used with a bearer token. */
        'X-CSRF-Token'?: components['parameters']['CsrfToken'];
        /** @description Makes a create safe to retry (docs/admin-api.md, "Retrying a create"): 1 to 255 printable ASCII characters, chosen by the client, one per create. A retry with the same key, by the same staff member or token, within 24 hours answers the first answer again (same status and body, with `Idempotent-Replayed: true`) and creates nothing; the key with another method, path or body is refused with 422 naming the header; a malformed key is refused with 422. */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['StartSendRequest'];
      };
    };
    responses: {
      /** @description Starts sending a published post to a newsletter’s members (once per post and newsletter) */
      201: {
        headers: {
          /** @description `true` when the answer is the stored answer of an earlier request with the same Idempotency-Key. */
          'Idempotent-Replayed'?: 'true';
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StartSendAnswer'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  sendCorrection: {
    parameters: {
      query?: never;
      header?: {
        /** @description Required on every state-changing request made with the session cookie (the token from sign-in or `GET /admin/api/session`); not used with a bearer token. */
        'X-CSRF-Token'?: components['parameters']['CsrfToken'];
        /** @description Makes a create safe to retry (docs/admin-api.md, "Retrying a create"): 1 to 255 printable ASCII characters, chosen by the client, one per create. A retry with the same key, by the same staff member or token, within 24 hours answers the first answer again (same status and body, with `Idempotent-Replayed: true`) and creates nothing; the key with another method, path or body is refused with 422 naming the header; a malformed key is refused with 422. */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SendCorrectionRequest'];
      };
    };
    responses: {
      /** @description Sends a published correction to everyone the post reached as a newsletter */
      201: {
        headers: {
          /** @description `true` when the answer is the stored answer of an earlier request with the same Idempotency-Key. */
          'Idempotent-Replayed'?: 'true';
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SendCorrectionAnswer'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      409: components['responses']['Conflict'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  listSends: {
    parameters: {
      query?: {
        postId?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Sends, newest first, of one post if `postId` is given */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ListSendsAnswer'];
        };
      };
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  getSend: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One send’s totals and report */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GetSendAnswer'];
        };
      };
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  previewNewsletter: {
    parameters: {
      query: {
        postId: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The email the members would get for a post, with placeholder links */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PreviewNewsletterAnswer'];
        };
      };
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
  testSendNewsletter: {
    parameters: {
      query?: never;
      header?: {
        /** @description Required on every state-changing request made with the session cookie (the token from sign-in or `GET /admin/api/session`); not used with a bearer token. */
        'X-CSRF-Token'?: components['parameters']['CsrfToken'];
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['StartSendRequest'];
      };
    };
    responses: {
      /** @description Sends that email, marked as a test, to your own address */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TestSendNewsletterAnswer'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      422: components['responses']['Validation'];
      429: components['responses']['RateLimited'];
      500: components['responses']['Internal'];
    };
  };
  countRecipients: {
    parameters: {
      query: {
        newsletterIds: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description How many members one or more newsletters would reach (each counted once) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CountRecipientsAnswer'];
        };
      };
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      422: components['responses']['Validation'];
      500: components['responses']['Internal'];
    };
  };
}
