/**
 * The one Edm → TypeScript map. Formats that TypeScript cannot express are kept as a JSDoc
 * `@format` tag.
 */
export interface TsPrimitive {
  ts: string;
  format?: string;
}

export const EDM_TO_TS: Record<string, TsPrimitive> = {
  String: { ts: 'string' },
  Boolean: { ts: 'boolean' },
  Int16: { ts: 'number', format: 'int16' },
  Int32: { ts: 'number', format: 'int32' },
  Int64: { ts: 'number', format: 'int64' },
  Byte: { ts: 'number', format: 'uint8' },
  SByte: { ts: 'number', format: 'int8' },
  Double: { ts: 'number', format: 'double' },
  Single: { ts: 'number', format: 'float' },
  Decimal: { ts: 'number', format: 'decimal' },
  DateTimeOffset: { ts: 'string', format: 'date-time' },
  Date: { ts: 'string', format: 'date' },
  TimeOfDay: { ts: 'string', format: 'time' },
  Duration: { ts: 'string', format: 'duration' },
  Guid: { ts: 'string', format: 'uuid' },
  Binary: { ts: 'string', format: 'base64' },
  Stream: { ts: 'string', format: 'binary' },
  Json: { ts: 'unknown' },
  GeographyPoint: { ts: '{ [key: string]: unknown }', format: 'geography-point' },
};

const BY_LOWER = new Map(Object.entries(EDM_TO_TS).map(([k, v]) => [k.toLowerCase(), v]));

/** The TypeScript of an Edm name, whatever its letter case and with or without `Edm.` ("string" in a response sentence is String). */
export function edmToTs(name: string): TsPrimitive {
  return EDM_TO_TS[name] ?? BY_LOWER.get(name.toLowerCase().replace(/^edm\./, '')) ?? { ts: 'unknown' };
}
