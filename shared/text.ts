/**
 * Free text people type (notes, sources): kept exactly as given (after trimming the ends), so it
 * refuses what cannot be kept: control characters other than tab and line breaks (U+0000 would cut
 * the text short in SQLite) and lone UTF-16 surrogates (they come back as U+FFFD).
 */
import { z } from 'zod';

// eslint-disable-next-line no-control-regex -- the control characters a note may not hold
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const plainText = (max: number, emptyMessage: string) =>
  z
    .string()
    .trim()
    .min(1, emptyMessage)
    .max(max)
    .refine((s) => !CONTROL.test(s), 'must not contain control characters')
    .refine((s) => !LONE_SURROGATE.test(s), 'must be valid Unicode text');
