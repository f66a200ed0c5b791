// A JSON Schema check of the few keywords the config's schema uses (no validator is among the
// dependencies): enough to hold the published schema to what the config reader accepts. A
// keyword it does not know fails loudly, so the schema cannot grow past what this checks.

type Schema = Record<string, unknown>;

const KNOWN = new Set([
  "$schema",
  "description",
  "type",
  "enum",
  "pattern",
  "minLength",
  "maxLength",
  "minItems",
  "maxItems",
  "minimum",
  "maximum",
  "items",
  "properties",
  "required",
  "additionalProperties",
]);

/** Whether `value` keeps `schema`. */
export function schemaAccepts(schema: Schema, value: unknown): boolean {
  for (const key of Object.keys(schema)) {
    if (!KNOWN.has(key)) throw new Error(`json-schema helper: unknown keyword ${key}`);
  }
  const s = schema as {
    type?: string;
    enum?: unknown[];
    pattern?: string;
    minLength?: number;
    maxLength?: number;
    minItems?: number;
    maxItems?: number;
    minimum?: number;
    maximum?: number;
    items?: Schema;
    properties?: Record<string, Schema>;
    required?: string[];
    additionalProperties?: boolean;
  };
  if (s.type !== undefined && !hasType(s.type, value)) return false;
  if (s.enum !== undefined && !s.enum.includes(value)) return false;
  if (typeof value === "string") {
    // JSON Schema counts code points, and its patterns are ECMA-262 with the u flag.
    const length = [...value].length;
    if (s.minLength !== undefined && length < s.minLength) return false;
    if (s.maxLength !== undefined && length > s.maxLength) return false;
    if (s.pattern !== undefined && !new RegExp(s.pattern, "u").test(value)) return false;
  }
  if (typeof value === "number") {
    if (s.minimum !== undefined && value < s.minimum) return false;
    if (s.maximum !== undefined && value > s.maximum) return false;
  }
  if (Array.isArray(value)) {
    if (s.minItems !== undefined && value.length < s.minItems) return false;
    if (s.maxItems !== undefined && value.length > s.maxItems) return false;
    const items = s.items;
    if (items !== undefined && !value.every((v) => schemaAccepts(items, v))) return false;
  }
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    const object = value as Record<string, unknown>;
    if (s.required?.some((k) => !(k in object))) return false;
    for (const [k, v] of Object.entries(object)) {
      const sub = s.properties?.[k];
      if (sub === undefined) {
        if (s.additionalProperties === false) return false;
      } else if (!schemaAccepts(sub, v)) {
        return false;
      }
    }
  }
  return true;
}

function hasType(type: string, value: unknown): boolean {
  switch (type) {
    case "object":
      return typeof value === "object" && value !== null && !Array.isArray(value);
    case "array":
      return Array.isArray(value);
    case "string":
      return typeof value === "string";
    case "integer":
      return Number.isInteger(value);
    case "number":
      return typeof value === "number";
    case "boolean":
      return typeof value === "boolean";
    default:
      throw new Error(`json-schema helper: unknown type ${type}`);
  }
}
