import { type Static, type TSchema, Type } from 'typebox';

export const Lang = Type.Union([Type.Literal('vi'), Type.Literal('en')], { description: 'Content language' });
export type Lang = Static<typeof Lang>;

export const Localized = Type.Object({ vi: Type.String(), en: Type.String() });
export type Localized = Static<typeof Localized>;

export const Slug = Type.String({ pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', minLength: 1, maxLength: 80 });

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

/**
 * Every number a client sends is bounded: an unbounded page (page=99999999999999999999) would reach SQLite as an
 * offset it cannot bind and answer 500. A page beyond the last is simply empty; beyond PAGE_MAX it is a 400
 * naming the parameter. PAGE_MAX × the largest page size stays far inside what OFFSET accepts.
 */
export const PAGE_MAX = 10_000;

/** Database row ids (artifacts, jobs): SQLite integers, far below this bound in any museum's lifetime. */
export const ID_MAX = 2_147_483_647;

export const Id = Type.Integer({ minimum: 1, maximum: ID_MAX });

/** `page` and `pageSize` query parameters, both bounded. */
export function pageQuery(pageSize: { default: number; maximum: number }, pageMax = PAGE_MAX) {
  return {
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: pageMax, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, ...pageSize })),
  };
}

export const PageQuery = pageQuery({ default: 24, maximum: 100 });

export function Page<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    total: Type.Integer(),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  });
}
