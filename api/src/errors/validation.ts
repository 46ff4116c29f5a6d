import { SLUG_PATTERN } from '@artifact-stories/contracts/slugs';
import type { FastifySchemaValidationError } from 'fastify';
import { formLabel } from './field-labels.ts';
import type { Texts } from './localized.ts';

type Context = 'body' | 'querystring' | 'params' | 'headers' | string;

interface Label {
  vi: string;
  en: string;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** `/title/vi` → `title.vi`, `/ethnicGroups/0` → `ethnicGroups[0]`. */
function fieldPath(instancePath: string, extra?: string): string {
  const parts = [...instancePath.split('/').slice(1), ...(extra === undefined ? [] : [extra])];
  return parts
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, p) => (/^\d+$/.test(p) ? `${path}[${p}]` : path ? `${path}.${p}` : p), '');
}

function labelOf(context: Context, field: string): Label {
  // A body field a staff form shows is named by the form's own label, as the person filling it reads it.
  const form = context === 'body' ? formLabel(field) : undefined;
  if (form) return { vi: `«${form.vi}»`, en: `"${form.en}"` };
  if (!field) {
    return context === 'querystring'
      ? { vi: 'các tham số truy vấn', en: 'the query parameters' }
      : { vi: 'nội dung gửi lên', en: 'the request body' };
  }
  switch (context) {
    case 'querystring':
      return { vi: `tham số «${field}»`, en: `query parameter "${field}"` };
    case 'params':
      return { vi: `tham số «${field}» trong đường dẫn`, en: `path parameter "${field}"` };
    case 'headers':
      return { vi: `tiêu đề «${field}»`, en: `header "${field}"` };
    default:
      return { vi: `trường «${field}»`, en: `field "${field}"` };
  }
}

const TYPES: Record<string, Label> = {
  integer: { vi: 'một số nguyên', en: 'a whole number' },
  number: { vi: 'một số', en: 'a number' },
  string: { vi: 'văn bản', en: 'text' },
  boolean: { vi: 'true hoặc false', en: 'true or false' },
  object: { vi: 'một đối tượng JSON', en: 'a JSON object' },
  array: { vi: 'một danh sách', en: 'a list' },
  null: { vi: 'null', en: 'null' },
};

const list = (values: unknown[]) => values.map((v) => JSON.stringify(v)).join(', ');

/** What is wrong with the value, as the end of a sentence that starts with the field's label. */
function predicate(error: FastifySchemaValidationError, allowed: unknown[]): Label {
  const p = error.params as Record<string, unknown>;
  const limit = Number(p.limit);
  switch (error.keyword) {
    case 'required':
      return { vi: 'bị thiếu: hãy điền vào', en: 'is missing: fill it in' };
    case 'minLength':
      return limit <= 1
        ? { vi: 'không được để trống', en: 'must not be empty' }
        : { vi: `phải có ít nhất ${limit} ký tự`, en: `must have at least ${limit} characters` };
    case 'maxLength':
      return { vi: `quá dài: tối đa ${limit} ký tự`, en: `is too long: at most ${limit} characters` };
    case 'pattern':
      return p.pattern === SLUG_PATTERN.source
        ? {
            vi: 'chỉ được gồm chữ thường không dấu (a–z), chữ số và dấu gạch nối đơn, ví dụ «khen-hmong»',
            en: 'may hold only lowercase letters a–z, digits and single hyphens, e.g. "khen-hmong"',
          }
        : { vi: 'không đúng định dạng yêu cầu', en: 'is not in the expected format' };
    case 'format':
      return p.format === 'email'
        ? { vi: 'phải là một địa chỉ email', en: 'must be an email address' }
        : { vi: `phải có định dạng ${p.format}`, en: `must be in the ${p.format} format` };
    case 'type': {
      const type = TYPES[String(p.type).split(',')[0] ?? ''] ?? { vi: String(p.type), en: String(p.type) };
      return { vi: `phải là ${type.vi}`, en: `must be ${type.en}` };
    }
    case 'minimum':
      return { vi: `phải lớn hơn hoặc bằng ${limit}`, en: `must be at least ${limit}` };
    case 'maximum':
      return { vi: `phải nhỏ hơn hoặc bằng ${limit}`, en: `must be at most ${limit}` };
    case 'exclusiveMinimum':
      return { vi: `phải lớn hơn ${limit}`, en: `must be more than ${limit}` };
    case 'exclusiveMaximum':
      return { vi: `phải nhỏ hơn ${limit}`, en: `must be less than ${limit}` };
    case 'minItems':
      return { vi: `phải có ít nhất ${limit} mục`, en: `must have at least ${limit} item(s)` };
    case 'maxItems':
      return { vi: `chỉ được có tối đa ${limit} mục`, en: `must have at most ${limit} item(s)` };
    case 'uniqueItems':
      return { vi: 'có mục bị lặp lại: mỗi mục chỉ ghi một lần', en: 'repeats an item: list each item once' };
    case 'additionalProperties':
      return {
        vi: `có trường không được phép «${p.additionalProperty}»`,
        en: `has a field that is not allowed, "${p.additionalProperty}"`,
      };
    case 'enum':
    case 'const':
    case 'anyOf':
      if (allowed.length) {
        return { vi: `phải là một trong: ${list(allowed)}`, en: `must be one of: ${list(allowed)}` };
      }
      return { vi: 'không phải là giá trị được chấp nhận', en: 'is not an accepted value' };
    default:
      return { vi: `không hợp lệ (${error.message ?? error.keyword})`, en: error.message ?? 'is not valid' };
  }
}

/** The first refusal (Ajv's union of literals gathered into one), the values it allows, and its field path. */
function firstFault(errors: FastifySchemaValidationError[]) {
  const first = errors[0];
  if (!first) return undefined;
  const sameSpot = errors.filter((e) => e.instancePath === first.instancePath);
  const allowed = [
    ...new Set(
      sameSpot.flatMap((e) => {
        const p = e.params as { allowedValue?: unknown; allowedValues?: unknown[] };
        return e.keyword === 'const' ? [p.allowedValue] : e.keyword === 'enum' ? (p.allowedValues ?? []) : [];
      }),
    ),
  ];
  const error = allowed.length > 1 ? { ...first, keyword: 'anyOf' } : first;
  const missing = error.keyword === 'required' ? String(error.params.missingProperty ?? '') : undefined;
  return { error, allowed, field: fieldPath(error.instancePath, missing) };
}

/** The field at fault as the API names it (`title.vi`, `ethnicGroups[0]`), or undefined for the whole input. */
export function validationField(errors: FastifySchemaValidationError[]): string | undefined {
  return firstFault(errors)?.field || undefined;
}

/**
 * A schema refusal in words staff can act on, naming the field as the form labels it: «Tên hiện vật (Tiếng
 * Việt)» không được để trống. / "Title (Vietnamese)" must not be empty. Fields no form shows keep their
 * API name (Field "name" ...). Ajv reports a union of literals (TypeBox's Union of Literal) as one `const`
 * error per choice and then `anyOf`: those are gathered into one "must be one of".
 */
export function validationTexts(errors: FastifySchemaValidationError[], context: Context | undefined): Texts {
  const fault = firstFault(errors);
  if (!fault) return { vi: 'Yêu cầu không hợp lệ.', en: 'The request is not valid.' };
  const label = labelOf(context ?? 'body', fault.field);
  const what = predicate(fault.error, fault.allowed);
  return {
    vi: `${capitalize(label.vi)} ${what.vi}.`,
    en: `${capitalize(label.en)} ${what.en}.`,
  };
}
