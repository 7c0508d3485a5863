// Every interface string, in English and Norwegian bokmål. The staff member's `locale` picks one;
// <html lang> follows it. `{name}` placeholders are filled from the second argument of t().
import type { Locale } from './api.js';
import { en } from './strings-en.js';
import { nb } from './strings-nb.js';

export type Key = keyof typeof en;
export type Strings = Record<Key, string>;

const dictionaries: Record<Locale, Strings> = { en, nb };
let current: Locale = 'en';

export function setLocale(locale: Locale): void {
  current = locale;
  if (document.documentElement.lang !== locale) document.documentElement.lang = locale;
}

export function getLocale(): Locale {
  return current;
}

/** The browser's choice before anyone signs in: Norwegian for nb, no and nn, else English. */
export function browserLocale(): Locale {
  return navigator.languages.some((l) => /^(nb|no|nn)\b/i.test(l)) ? 'nb' : 'en';
}

export function t(key: Key, params?: Record<string, string | number>): string {
  const text = dictionaries[current][key] ?? en[key];
  return params ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`)) : text;
}

export function formatNumber(n: number): string {
  return new Intl.NumberFormat(current === 'nb' ? 'nb-NO' : 'en-GB').format(n);
}

export function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(current === 'nb' ? 'nb-NO' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
}
