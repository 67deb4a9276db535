/**
 * Every UI string lives in the catalogue (client/i18n/messages.ts), in both languages: no key is
 * missing or empty in either, and no component (.tsx) writes Chinese text of its own.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../client/i18n/messages.ts';

/** Every leaf of the catalogue as [path, value]; a function is called with sample arguments. */
function leaves(value: unknown, path: string): [string, unknown][] {
  if (typeof value === 'function') {
    const args = Array.from({ length: value.length }, (_, i) => (i === 0 ? 'X' : 5));
    return [[`${path}()`, (value as (...a: unknown[]) => unknown)(...args)]];
  }
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [[path, value]];
}

/** The keys of a catalogue, with nested keys and function arity, to compare the two languages. */
function shape(value: unknown, path = ''): string[] {
  if (typeof value === 'function') return [`${path}(${value.length})`];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => shape(v, path ? `${path}.${k}` : k));
  return [path];
}

describe('the message catalogue', () => {
  it('has the same keys (and the same arguments) in Chinese and English', () => {
    const zh = shape(MESSAGES.zh).sort();
    const en = shape(MESSAGES.en).sort();
    expect(en.filter((k) => !zh.includes(k)), 'in English only').toEqual([]);
    expect(zh.filter((k) => !en.includes(k)), 'in Chinese only').toEqual([]);
  });

  it('says something in both languages for every key', () => {
    for (const lang of ['zh', 'en'] as const) {
      const empty = leaves(MESSAGES[lang], '').filter(([, v]) => typeof v !== 'string' || v.trim() === '');
      expect(empty.map(([k]) => `${lang}.${k}`)).toEqual([]);
    }
  });

  it('writes the Chinese strings in Chinese (a key left in English is a missed translation)', () => {
    // Words that read the same in both: product names, formats, units and the language switch.
    const same = new Set(['language', 'exportFormats.csv', 'km', 'km2', 'kmColumn', 'listSep', 'clauseSep', 'colon', 'north', 'inParens()']);
    const cjk = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/;
    const untranslated = leaves(MESSAGES.zh, '').filter(([k, v]) => !same.has(k) && typeof v === 'string' && /[a-z]{3}/i.test(v) && !cjk.test(v));
    expect(untranslated.map(([k]) => k)).toEqual([]);
  });
});

/** Chinese characters and full-width punctuation. */
const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/;

/**
 * Text in a component that may hold Chinese because it is not a UI string: none today. Each entry
 * is `file: the literal`, with the reason beside it.
 */
const ALLOWED: Record<string, string> = {};

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tsxFiles(join(dir, e.name)) : e.name.endsWith('.tsx') ? [join(dir, e.name)] : []));
}

/** The string literals, template pieces and JSX text of a file that hold CJK (comments are not read). */
function cjkLiterals(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteralLike(node) || ts.isJsxText(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      if (CJK.test(node.text)) found.push(node.text.trim());
    }
    node.forEachChild(visit);
  };
  visit(source);
  return found;
}

describe('components', () => {
  it('finds a CJK literal (the check itself works)', () => {
    expect(cjkLiterals('x.tsx', "const a = <b title={'按 Esc 退出'}>{`共 ${n} 项`}高对比度</b>; // 注释")).toEqual(['按 Esc 退出', '共', '项', '高对比度']);
  });

  it('take every Chinese string from the catalogue, none of their own', () => {
    const root = join(process.cwd(), 'client');
    const strays = tsxFiles(root).flatMap((file) => {
      const name = relative(root, file);
      return cjkLiterals(file, readFileSync(file, 'utf8'))
        .filter((lit) => !(`${name}: ${lit}` in ALLOWED))
        .map((lit) => `${name}: ${lit}`);
    });
    expect(strays).toEqual([]);
  });
});
