// One list-and-form screen for the simple resources (tags, promotions, redirects): a table, a form
// to add or edit one item, and delete with confirmation.
import type { ComponentChild } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api.js';
import { t, type Key } from '../i18n.js';
import { MediaPicker } from './media-picker.js';
import { MediaPreview } from './media-preview.js';
import {
  Button,
  Checkbox,
  ConfirmButton,
  ErrorSummary,
  errorsOf,
  Loading,
  ScreenHeading,
  SelectField,
  StatusMessage,
  TextArea,
  TextField,
  useLoad,
  type Errors,
} from '../ui.js';

type Values = Record<string, unknown>;

export interface FieldSpec {
  name: string;
  label: Key;
  kind: 'text' | 'textarea' | 'select' | 'checkbox' | 'number' | 'url' | 'email' | 'media';
  options?: { value: string; label: string }[];
  required?: boolean;
  hint?: Key;
}

export interface CrudProps<T extends { id: string }> {
  title: Key;
  intro?: ComponentChild;
  path: string;
  listKey: string;
  itemKey: string;
  /** What the add and edit forms are called: `New tag`, `Edit tag`. */
  newLabel: Key;
  editLabel: Key;
  fields: FieldSpec[];
  columns: { label: Key; render: (item: T) => ComponentChild }[];
  blank: Values;
  itemName: (item: T) => string;
  /** The question before deleting one (`Delete {name} for good?` when not given). */
  confirmDelete?: (item: T) => string;
  /** From form values to the request body (numbers, nulls). */
  toBody?: (values: Values) => Values;
  canCreate: boolean;
  canUpdate: boolean;
  canDelete: boolean;
}

export function CrudScreen<T extends { id: string }>(props: CrudProps<T>) {
  const list = useLoad(() => api.get<Record<string, T[]>>(props.path), [props.path]);
  const [editing, setEditing] = useState<{ id: string | null; values: Values } | null>(null);
  const [errors, setErrors] = useState<Errors>([]);
  const [message, setMessage] = useState('');
  const [picking, setPicking] = useState<string | null>(null);
  const formHeading = useRef<HTMLHeadingElement>(null);
  const items = list.data?.[props.listKey] ?? [];

  useEffect(() => {
    if (editing) formHeading.current?.focus();
  }, [editing?.id, editing !== null]);

  const open = (item: T | null) => {
    setErrors([]);
    setEditing({
      id: item?.id ?? null,
      values: item ? { ...(item as unknown as Values) } : { ...props.blank },
    });
  };
  const set = (name: string, value: unknown) =>
    setEditing((current) =>
      current ? { ...current, values: { ...current.values, [name]: value } } : current,
    );

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!editing) return;
    const values = Object.fromEntries(props.fields.map((f) => [f.name, editing.values[f.name]]));
    const body = props.toBody ? props.toBody(values) : values;
    try {
      if (editing.id) await api.patch(`${props.path}/${encodeURIComponent(editing.id)}`, body);
      else await api.post(props.path, body);
      setErrors([]);
      setEditing(null);
      setMessage(t('saved'));
      await list.reload();
    } catch (error) {
      setErrors(errorsOf(error));
    }
  };

  const field = (spec: FieldSpec, values: Values) => {
    const value = values[spec.name];
    const common = {
      key: spec.name,
      name: spec.name,
      label: t(spec.label),
      errors,
      required: spec.required,
      hint: spec.hint ? t(spec.hint) : undefined,
    };
    switch (spec.kind) {
      case 'textarea':
        return <TextArea {...common} value={String(value ?? '')} onValue={(v) => set(spec.name, v)} />;
      case 'select':
        return (
          <SelectField
            {...common}
            value={String(value ?? '')}
            options={spec.options ?? []}
            onValue={(v) => set(spec.name, v)}
          />
        );
      case 'checkbox':
        return (
          <Checkbox
            key={spec.name}
            name={spec.name}
            label={t(spec.label)}
            errors={errors}
            checked={Boolean(value)}
            onValue={(v) => set(spec.name, v)}
          />
        );
      case 'media':
        return (
          <div class="field" key={spec.name}>
            <p class="label">{t(spec.label)}</p>
            <MediaPreview
              mediaId={typeof value === 'string' && value ? value : null}
              emptyText={t('none')}
              alt={(media) => media.alt || t('chosenImage')}
            />
            <div class="actions">
              <Button onClick={() => setPicking(spec.name)}>{t('chooseImage')}</Button>
              {value ? <Button onClick={() => set(spec.name, null)}>{t('removeImage')}</Button> : null}
            </div>
          </div>
        );
      default:
        return (
          <TextField
            {...common}
            type={spec.kind === 'url' ? 'text' : spec.kind}
            value={value === null || value === undefined ? '' : String(value)}
            onValue={(v) => set(spec.name, v)}
          />
        );
    }
  };

  return (
    <>
      <div class="screen-head">
        <ScreenHeading>{t(props.title)}</ScreenHeading>
        {props.canCreate ? (
          <Button variant="primary" onClick={() => open(null)}>
            {t(props.newLabel)}
          </Button>
        ) : null}
      </div>
      {props.intro}
      <StatusMessage message={message} />
      <ErrorSummary errors={editing ? [] : [...errors, ...list.errors]} />
      {editing ? (
        <section class="panel" aria-labelledby="crud-form-heading">
          <h2 id="crud-form-heading" tabIndex={-1} ref={formHeading}>
            {editing.id ? t(props.editLabel) : t(props.newLabel)}
          </h2>
          <ErrorSummary errors={errors} />
          <form class="form" noValidate onSubmit={submit}>
            {props.fields.map((spec) => field(spec, editing.values))}
            <div class="actions">
              <button type="submit" class="button primary">
                {t('save')}
              </button>
              <Button onClick={() => setEditing(null)}>{t('cancel')}</Button>
            </div>
          </form>
        </section>
      ) : null}
      <Loading isLoading={list.isLoading} />
      {list.data && items.length === 0 ? <p>{t('nothingYet')}</p> : null}
      {items.length ? (
        <table class="list">
          <caption class="visually-hidden">{t(props.title)}</caption>
          <thead>
            <tr>
              {props.columns.map((c) => (
                <th key={c.label} scope="col">
                  {t(c.label)}
                </th>
              ))}
              {props.canUpdate || props.canDelete ? (
                <th scope="col">
                  <span class="visually-hidden">{t('actions')}</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>
                {props.columns.map((c) => (
                  <td key={c.label}>{c.render(item)}</td>
                ))}
                {props.canUpdate || props.canDelete ? (
                  <td class="row-actions">
                    {props.canUpdate ? (
                      <Button
                        aria-label={t('editNamed', { name: props.itemName(item) })}
                        onClick={() => open(item)}
                      >
                        {t('edit')}
                      </Button>
                    ) : null}
                    {props.canDelete ? (
                      <ConfirmButton
                        label={t('delete')}
                        accessibleLabel={t('deleteNamed', { name: props.itemName(item) })}
                        confirmText={
                          props.confirmDelete?.(item) ??
                          t('confirmDeleteNamed', { name: props.itemName(item) })
                        }
                        onConfirm={async () => {
                          try {
                            await api.delete(`${props.path}/${encodeURIComponent(item.id)}`);
                            setErrors([]);
                            setMessage(t('deleted'));
                            await list.reload();
                          } catch (error) {
                            setErrors(errorsOf(error));
                          }
                        }}
                      />
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <MediaPicker
        isOpen={picking !== null}
        title={t('chooseImage')}
        onClose={() => setPicking(null)}
        onChoose={({ media }) => {
          if (picking) set(picking, media.id);
          setPicking(null);
        }}
      />
    </>
  );
}
