import { ArrayType, type Platform, type TransformContext } from '@mikro-orm/core';

/**
 * A PostgreSQL `text[]` that stores every string as it was given. MikroORM's `ArrayType` writes an
 * element bare unless it holds a quote, brace, comma or backslash, so the other name "Null" (a
 * real surname) was stored as an SQL NULL, and the person could no longer be read; when it does
 * quote, it escapes as JSON, so a tab or newline in such an element came back as a letter.
 * Here every element is quoted, with only `"` and `\` escaped, as PostgreSQL's array input wants.
 */
export class TextArrayType extends ArrayType<string> {
  override convertToDatabaseValue(
    value: string[] | null,
    platform: Platform,
    context?: TransformContext,
  ): string | null {
    if (!Array.isArray(value)) return super.convertToDatabaseValue(value, platform, context);
    return `{${value.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
  }
}
