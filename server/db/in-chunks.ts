/** SQLite binds at most 32,766 values in one statement; a list of ids is read in chunks well under it. */
const CHUNK = 500;

/** `read` for each chunk of `ids`, the rows of all chunks in order. */
export async function inChunks<T>(ids: readonly string[], read: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...(await read(ids.slice(i, i + CHUNK))));
  return out;
}
