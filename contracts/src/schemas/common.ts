import { type Static, type TLiteral, type TProperties, type TSchema, type TUnion, Type } from 'typebox';
import { ARTIFACTS_PAGE, ID_MAX, PAGE_MAX } from '../limits.ts';
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from '../slugs.ts';

type Literals<T extends readonly string[]> = { -readonly [K in keyof T]: TLiteral<T[K]> };

/** One of the values of a contracts list (states...), as the union of literals the OpenAPI document shows. */
export function OneOf<const T extends readonly string[]>(values: T): TUnion<Literals<T>> {
  return Type.Union(values.map((v) => Type.Literal(v))) as unknown as TUnion<Literals<T>>;
}

export const Lang = Type.Union([Type.Literal('vi'), Type.Literal('en')], { description: 'Content language' });
export type Lang = Static<typeof Lang>;

export const Localized = Type.Object({ vi: Type.String(), en: Type.String() });
export type Localized = Static<typeof Localized>;

export const Slug = Type.String({ pattern: SLUG_PATTERN.source, minLength: 1, maxLength: SLUG_MAX_LENGTH });

export const ErrorResponse = Type.Object(
  {
    statusCode: Type.Integer(),
    error: Type.String(),
    message: Type.String({ description: "What is wrong and what to do, in the request's language" }),
    code: Type.String({
      description:
        'Stable and machine-readable: validation_failed, accession_number_taken, not_found, rate_limited...',
    }),
    field: Type.Optional(
      Type.String({
        description: 'The input field at fault, as this API names it (title.vi, accessionNumber)',
      }),
    ),
  },
  { description: 'Every error has this shape' },
);
export type ErrorResponse = Static<typeof ErrorResponse>;

export const Named = Type.Object({ slug: Type.String(), name: Localized });
export type Named = Static<typeof Named>;

export const Id = Type.Integer({ minimum: 1, maximum: ID_MAX });

/** `page` and `pageSize` query parameters, both bounded. */
export function pageQuery(pageSize: { default: number; maximum: number }, pageMax = PAGE_MAX) {
  return {
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: pageMax, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, ...pageSize })),
  };
}

export const PageQuery = pageQuery(ARTIFACTS_PAGE);

/** One page of a paged list (`pageQuery`), and what else the answer carries beside it (facets...). */
export function Page<T extends TSchema, P extends TProperties = Record<never, never>>(
  item: T,
  beside: P = {} as P,
) {
  return Type.Object({
    items: Type.Array(item),
    total: Type.Integer(),
    page: Type.Integer(),
    pageSize: Type.Integer(),
    ...beside,
  });
}

/** A whole list in one answer, not paged: exhibitions are few and chosen by staff. */
export function List<T extends TSchema>(item: T) {
  return Type.Object({ items: Type.Array(item) });
}

/** A Markdown text (story, introduction, description) rendered to sanitised HTML, in both languages. */
export function RenderedHtml(description: string) {
  return Type.Object({ vi: Type.String(), en: Type.String() }, { description });
}
