// The post's title as an auto-growing text area: a long headline wraps and stays in view. Enter moves
// on to the standfirst instead of breaking the line; a pasted line break becomes a space.
import { useLayoutEffect, useRef } from 'preact/hooks';
import { t } from '../i18n.js';
import { fieldError, idFor, type Errors } from '../ui.js';

export function TitleField(props: {
  value: string;
  onValue: (value: string) => void;
  errors: Errors;
  next: string;
}) {
  const area = useRef<HTMLTextAreaElement>(null);
  const id = idFor('title');
  const error = fieldError(props.errors, 'title');
  // The height follows the text (through CSSOM, which the admin's CSP allows). The box is sized
  // border-box, so its borders are added: without them the last line scrolls out of view by 2px.
  useLayoutEffect(() => {
    const element = area.current;
    if (!element) return;
    element.style.height = 'auto';
    const borders = element.offsetHeight - element.clientHeight;
    element.style.height = `${element.scrollHeight + borders}px`;
  }, [props.value]);
  return (
    <div class={`field title-field${error ? ' field-invalid' : ''}`}>
      <label for={id}>{t('title')}</label>
      <textarea
        ref={area}
        id={id}
        name="title"
        rows={1}
        value={props.value}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return;
          e.preventDefault();
          document.getElementById(props.next)?.focus();
        }}
        onInput={(e) => props.onValue(e.currentTarget.value.replace(/\s*[\r\n]+\s*/g, ' '))}
      />
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
