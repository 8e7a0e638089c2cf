/**
 * What the pane remembers between sessions: the scoring profile, the language choice and the outcome of the
 * last ribbon command. Kept in localStorage, which the pane and the ribbon commands share (same origin);
 * nothing is sent anywhere. Storage may be unavailable (private mode, locked-down webviews): then defaults apply.
 */
import { isProfileId, type ProfileId } from "../core/profiles";
import type { Lang } from "../core/messages";

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const KEY_PROFILE = "jixiao.profile";
const KEY_LANG = "jixiao.lang";
const KEY_LAST_COMMAND = "jixiao.lastCommand";

/** The browser's localStorage, or null where it cannot be used. */
export function defaultStore(): KeyValueStore | null {
  try {
    const s = (globalThis as { localStorage?: KeyValueStore }).localStorage;
    if (!s) return null;
    s.getItem(KEY_PROFILE);
    return s;
  } catch {
    return null;
  }
}

function read(store: KeyValueStore | null, key: string): string | null {
  try {
    return store ? store.getItem(key) : null;
  } catch {
    return null;
  }
}

function write(store: KeyValueStore | null, key: string, value: string): void {
  try {
    store?.setItem(key, value);
  } catch {
    /* storage full or blocked: the setting is simply not remembered */
  }
}

export function loadProfile(store: KeyValueStore | null = defaultStore()): ProfileId {
  const v = read(store, KEY_PROFILE);
  return isProfileId(v) ? v : "default";
}

export function saveProfile(id: ProfileId, store: KeyValueStore | null = defaultStore()): void {
  if (isProfileId(id)) write(store, KEY_PROFILE, id);
}

export function loadLangChoice(store: KeyValueStore | null = defaultStore()): Lang | "auto" {
  const v = read(store, KEY_LANG);
  return v === "zh" || v === "en" ? v : "auto";
}

export function saveLangChoice(choice: Lang | "auto", store: KeyValueStore | null = defaultStore()): void {
  write(store, KEY_LANG, choice);
}

/** The outcome of a ribbon command, for the pane to show the next time it opens. */
export interface LastCommand {
  command: "check" | "fill" | "mark";
  /** ms since the epoch. */
  at: number;
  ok: boolean;
  zh: string;
  en: string;
}

export function saveLastCommand(entry: LastCommand, store: KeyValueStore | null = defaultStore()): void {
  write(store, KEY_LAST_COMMAND, JSON.stringify(entry));
}

export function loadLastCommand(store: KeyValueStore | null = defaultStore()): LastCommand | null {
  const v = read(store, KEY_LAST_COMMAND);
  if (!v) return null;
  try {
    const o = JSON.parse(v) as Partial<LastCommand>;
    if (
      (o.command === "check" || o.command === "fill" || o.command === "mark") &&
      typeof o.at === "number" &&
      typeof o.zh === "string" &&
      typeof o.en === "string"
    ) {
      return { command: o.command, at: o.at, ok: o.ok !== false, zh: o.zh, en: o.en };
    }
  } catch {
    /* ignore a damaged entry */
  }
  return null;
}
