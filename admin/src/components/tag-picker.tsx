// Tags as a type-ahead: an ARIA combobox finds tags as you type and can create a new one with its kind
// (topic, person, organisation, place) without leaving the editor. The first chosen tag is the post's
// primary tag, shown as the kicker on the site; "Make primary" moves a tag to the front.
import { useState } from 'preact/hooks';
import { api, type Tag, type TagKind } from '../api.js';
import { t } from '../i18n.js';
import { Button, ErrorSummary, errorsOf, SelectField, type Errors } from '../ui.js';

const kinds: TagKind[] = ['topic', 'person', 'organisation', 'place'];

type Option = { kind: 'tag'; tag: Tag } | { kind: 'create'; name: string };

function optionsFor(query: string, tags: Tag[], selected: string[], canCreate: boolean): Option[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const found = tags
    .filter((tag) => !selected.includes(tag.id) && tag.name.toLowerCase().includes(q))
    .sort((a, b) => Number(!a.name.toLowerCase().startsWith(q)) - Number(!b.name.toLowerCase().startsWith(q)))
    .slice(0, 8)
    .map((tag): Option => ({ kind: 'tag', tag }));
  const isKnown = tags.some((tag) => tag.name.toLowerCase() === q);
  return canCreate && !isKnown ? [...found, { kind: 'create', name: query.trim() }] : found;
}

export function TagPicker(props: {
  tags: Tag[];
  selected: string[];
  onChange: (ids: string[]) => void;
  onCreated: (tag: Tag) => void;
  canCreate: boolean;
  disabled?: boolean;
}) {
  const [query, setQuery] = useState('');
  const [isOpen, setOpen] = useState(false);
  const [index, setIndex] = useState(0);
  const [creating, setCreating] = useState<{ name: string; kind: TagKind } | null>(null);
  const [errors, setErrors] = useState<Errors>([]);
  const byId = new Map(props.tags.map((tag) => [tag.id, tag]));
  const options = optionsFor(query, props.tags, props.selected, props.canCreate);
  const showList = isOpen && options.length > 0;
  const active = showList ? options[Math.min(index, options.length - 1)] : undefined;

  const pick = (option: Option | undefined) => {
    if (!option) return;
    if (option.kind === 'tag') {
      props.onChange([...props.selected, option.tag.id]);
      setQuery('');
    } else setCreating({ name: option.name, kind: 'topic' });
    setOpen(false);
  };
  const create = async () => {
    if (!creating) return;
    try {
      const { tag } = await api.post<{ tag: Tag }>('/tags', { name: creating.name, kind: creating.kind });
      props.onCreated(tag);
      props.onChange([...props.selected, tag.id]);
      setCreating(null);
      setQuery('');
      setErrors([]);
      document.getElementById('tag-search')?.focus();
    } catch (error) {
      setErrors(errorsOf(error));
    }
  };
  const onKey = (event: KeyboardEvent) => {
    const by = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (by) {
      event.preventDefault();
      setOpen(true);
      setIndex((i) => (i + by + options.length) % Math.max(1, options.length));
    } else if (event.key === 'Enter') {
      // Enter chooses; it never submits the editor's form.
      event.preventDefault();
      pick(active);
    } else if (event.key === 'Escape' && isOpen) {
      event.preventDefault();
      setOpen(false);
    }
  };
  const move = (id: string, toFront: boolean) =>
    props.onChange(
      toFront ? [id, ...props.selected.filter((x) => x !== id)] : props.selected.filter((x) => x !== id),
    );

  return (
    <fieldset class="panel tag-picker" disabled={props.disabled}>
      <legend>{t('tagsAndTopics')}</legend>
      {props.selected.length === 0 ? <p class="muted">{t('noTagsChosen')}</p> : null}
      <ol class="chosen-tags">
        {props.selected.map((id, i) => {
          const tag = byId.get(id);
          const name = tag?.name ?? id;
          return (
            <li key={id}>
              <span class="chosen-tag-name">{name}</span>
              {tag ? <span class="muted small"> ({t(`tagKind_${tag.kind}`)})</span> : null}
              {i === 0 ? (
                <span class="badge badge-primary">{t('primaryTag')}</span>
              ) : (
                <Button
                  class="small-button"
                  aria-label={t('makePrimaryNamed', { name })}
                  onClick={() => move(id, true)}
                >
                  {t('makePrimary')}
                </Button>
              )}
              <Button
                class="small-button"
                aria-label={t('removeTagNamed', { name })}
                onClick={() => move(id, false)}
              >
                {t('remove')}
              </Button>
            </li>
          );
        })}
      </ol>
      <p class="hint">{t('primaryTagHint')}</p>
      <div class="field combobox">
        <label for="tag-search">{props.canCreate ? t('findOrCreateTag') : t('findTag')}</label>
        <input
          id="tag-search"
          type="text"
          role="combobox"
          autocomplete="off"
          aria-autocomplete="list"
          aria-expanded={showList ? 'true' : 'false'}
          aria-controls="tag-options"
          aria-activedescendant={active ? `tag-option-${options.indexOf(active)}` : undefined}
          value={query}
          onInput={(e) => {
            setQuery(e.currentTarget.value);
            setIndex(0);
            setOpen(true);
          }}
          onKeyDown={onKey}
          onBlur={() => setOpen(false)}
        />
        <ul
          id="tag-options"
          role="listbox"
          aria-label={t('matchingTags')}
          class="combobox-options"
          hidden={!showList}
        >
          {options.map((option, i) => (
            <li
              key={option.kind === 'tag' ? option.tag.id : 'create'}
              id={`tag-option-${i}`}
              role="option"
              aria-selected={option === active ? 'true' : 'false'}
              class={option === active ? 'active' : undefined}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(option)}
            >
              {option.kind === 'tag' ? (
                <>
                  {option.tag.name} <span class="muted small">({t(`tagKind_${option.tag.kind}`)})</span>
                </>
              ) : (
                t('createTagNamed', { name: option.name })
              )}
            </li>
          ))}
        </ul>
      </div>
      {creating ? (
        <div class="tag-create" role="group" aria-labelledby="tag-create-heading">
          <p id="tag-create-heading">{t('createTagNamed', { name: creating.name })}</p>
          <ErrorSummary errors={errors} />
          <SelectField
            name="new-tag-kind"
            label={t('tagKindLabel')}
            value={creating.kind}
            onValue={(kind) => setCreating({ ...creating, kind: kind as TagKind })}
            options={kinds.map((kind) => ({ value: kind, label: t(`tagKind_${kind}`) }))}
          />
          <div class="actions">
            <Button variant="primary" onClick={() => void create()}>
              {t('createTag')}
            </Button>
            <Button onClick={() => setCreating(null)}>{t('cancel')}</Button>
          </div>
        </div>
      ) : null}
    </fieldset>
  );
}
