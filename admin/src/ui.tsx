// Small building blocks: labelled fields with their error, the error summary, live status messages,
// inline confirmation, paging, loading data.
import type { ComponentChildren, JSX } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, type FieldError, type Meta } from './api.js';
import { useBusyWhile } from './busy.js';
import { t } from './i18n.js';

export type Errors = FieldError[];

/** Errors of a failed call, ready to show (a thrown non-API error becomes one message). */
export function errorsOf(error: unknown): Errors {
  if (error instanceof ApiError) return error.errors;
  return [
    { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error), property: null },
  ];
}

export function fieldError(errors: Errors, name: string | undefined): string | undefined {
  if (!name) return undefined;
  return errors.find((e) => e.property === name)?.message;
}

/** `sources.1.url` → an id usable in HTML and CSS selectors. */
export const idFor = (name: string) => `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

interface FieldBase {
  /** The API property (also the element's id): errors with this `property` are shown next to it. */
  name: string;
  label: string;
  errors?: Errors;
  hint?: string;
  id?: string;
  required?: boolean;
  disabled?: boolean;
}

function describedBy(id: string, hint?: string, error?: string) {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

function FieldFrame(props: FieldBase & { id: string; error?: string; children: ComponentChildren }) {
  return (
    <div class={`field${props.error ? ' field-invalid' : ''}`}>
      <label for={props.id}>
        {props.label}
        {props.required ? <span class="required"> ({t('required')})</span> : null}
      </label>
      {props.hint ? (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.children}
      {props.error ? (
        <p class="field-error" id={`${props.id}-error`}>
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

export function TextField(
  props: FieldBase & {
    value: string;
    onValue: (value: string) => void;
    type?: string;
    autoComplete?: string;
    placeholder?: string;
    list?: string;
    maxLength?: number;
  },
) {
  const id = props.id ?? idFor(props.name);
  const error = fieldError(props.errors ?? [], props.name);
  return (
    <FieldFrame {...props} id={id} error={error}>
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value}
        required={props.required}
        disabled={props.disabled}
        autocomplete={props.autoComplete}
        placeholder={props.placeholder}
        list={props.list}
        maxLength={props.maxLength}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint, error)}
        onInput={(e) => props.onValue(e.currentTarget.value)}
      />
    </FieldFrame>
  );
}

export function TextArea(
  props: FieldBase & { value: string; onValue: (value: string) => void; rows?: number },
) {
  const id = props.id ?? idFor(props.name);
  const error = fieldError(props.errors ?? [], props.name);
  return (
    <FieldFrame {...props} id={id} error={error}>
      <textarea
        id={id}
        name={props.name}
        rows={props.rows ?? 3}
        value={props.value}
        required={props.required}
        disabled={props.disabled}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint, error)}
        onInput={(e) => props.onValue(e.currentTarget.value)}
      />
    </FieldFrame>
  );
}

export function SelectField(
  props: FieldBase & {
    value: string;
    onValue: (value: string) => void;
    options: { value: string; label: string }[];
  },
) {
  const id = props.id ?? idFor(props.name);
  const error = fieldError(props.errors ?? [], props.name);
  return (
    <FieldFrame {...props} id={id} error={error}>
      <select
        id={id}
        name={props.name}
        value={props.value}
        required={props.required}
        disabled={props.disabled}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint, error)}
        onChange={(e) => props.onValue(e.currentTarget.value)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export function Checkbox(props: {
  name: string;
  label: string;
  checked: boolean;
  onValue: (checked: boolean) => void;
  id?: string;
  disabled?: boolean;
  errors?: Errors;
}) {
  const id = props.id ?? idFor(props.name);
  const error = fieldError(props.errors ?? [], props.name);
  return (
    <div class="check">
      <input
        type="checkbox"
        id={id}
        checked={props.checked}
        disabled={props.disabled}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => props.onValue(e.currentTarget.checked)}
      />
      <label for={id}>{props.label}</label>
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * Every error of a failed call, as an alert; those about a field are also shown next to it. `labelOf`
 * names a property as the form labels it (else the property itself is shown).
 */
/**
 * The visible label of the field an API property names, without its "(required)" mark; undefined when
 * the screen has no such field. Read from the page because every field renders its own label: the
 * summary names a problem as the form does, never by the API's property name.
 */
function labelInPage(property: string): string | undefined {
  const label = document.querySelector(`label[for="${CSS.escape(idFor(property))}"]`);
  if (!label) return undefined;
  const own = [...label.childNodes].filter((node) => !(node instanceof Element && node.matches('.required')));
  return (
    own
      .map((node) => node.textContent ?? '')
      .join('')
      .trim() || undefined
  );
}

export function ErrorSummary({
  errors,
  labelOf,
}: {
  errors: Errors;
  labelOf?: (property: string) => string | undefined;
}) {
  if (errors.length === 0) return null;
  const name = labelOf ?? labelInPage;
  return (
    <div class="error-summary" role="alert">
      <p class="error-summary-title">{t('errorSummary')}</p>
      <ul>
        {errors.map((e, i) => {
          const label = e.property ? name(e.property) : undefined;
          return <li key={i}>{label ? `${label}: ${e.message}` : e.message}</li>;
        })}
      </ul>
    </div>
  );
}

/** A polite live region: what just happened ("Saved", "Deleted"). Always in the page, so it is announced. */
export function StatusMessage({ message }: { message: string }) {
  return (
    <p class="status" role="status" aria-live="polite">
      {message}
    </p>
  );
}

export function Button(
  props: JSX.ButtonHTMLAttributes<HTMLButtonElement> & { variant?: 'primary' | 'danger' | 'plain' },
) {
  const { variant, class: className, ...rest } = props;
  return (
    <button type="button" class={`button ${variant ?? ''} ${(className as string) ?? ''}`.trim()} {...rest} />
  );
}

/** A button that asks "really?" in place before doing something that cannot be undone. */
export function ConfirmButton(props: {
  label: string;
  confirmText: string;
  onConfirm: () => void | Promise<void>;
  accessibleLabel?: string;
  disabled?: boolean;
}) {
  const [isAsking, setAsking] = useState(false);
  const yes = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (isAsking) yes.current?.focus();
  }, [isAsking]);
  if (!isAsking)
    return (
      <Button
        variant="danger"
        disabled={props.disabled}
        aria-label={props.accessibleLabel}
        onClick={() => setAsking(true)}
      >
        {props.label}
      </Button>
    );
  return (
    <span class="confirm" role="group" aria-label={props.confirmText}>
      <span class="confirm-text">{props.confirmText}</span>
      <button
        type="button"
        class="button danger"
        ref={yes}
        onClick={async () => {
          setAsking(false);
          await props.onConfirm();
        }}
      >
        {t('confirmYes')}
      </button>
      <button type="button" class="button" onClick={() => setAsking(false)}>
        {t('cancel')}
      </button>
    </span>
  );
}

export function Pager({ meta, onPage }: { meta: Meta | undefined; onPage: (page: number) => void }) {
  if (!meta) return null;
  const pages = Math.max(1, Math.ceil(meta.total / meta.limit));
  return (
    <nav class="pager" aria-label={t('paging')}>
      <Button disabled={meta.page <= 1} onClick={() => onPage(meta.page - 1)}>
        {t('previousPage')}
      </Button>
      <span>{t('pageOf', { page: meta.page, pages, total: meta.total })}</span>
      <Button disabled={meta.page >= pages} onClick={() => onPage(meta.page + 1)}>
        {t('nextPage')}
      </Button>
    </nav>
  );
}

export interface Loaded<T> {
  data: T | undefined;
  errors: Errors;
  isLoading: boolean;
  reload: () => Promise<void>;
  setData: (data: T) => void;
}

/** Loads data when `deps` change; the errors of a failed load are kept to be shown. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [data, setData] = useState<T>();
  const [errors, setErrors] = useState<Errors>([]);
  const [isLoading, setLoading] = useState(true);
  useBusyWhile(isLoading);
  const run = useCallback(load, deps);
  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setData(await run());
      setErrors([]);
    } catch (error) {
      setErrors(errorsOf(error));
    } finally {
      setLoading(false);
    }
  }, [run]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, errors, isLoading, reload, setData };
}

/** The screen's heading: the route's focus target (focused after every route change). */
export function ScreenHeading({ children }: { children: ComponentChildren }) {
  return (
    <h1 id="screen-heading" tabIndex={-1}>
      {children}
    </h1>
  );
}

export function Loading({ isLoading }: { isLoading: boolean }) {
  return isLoading ? <p class="loading">{t('loading')}</p> : null;
}
