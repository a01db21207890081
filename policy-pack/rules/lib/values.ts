/** Small readers for plain (already known) data: parsed JSON documents and snapshots. */

export type Props = Record<string, unknown>;

export function asRecord(value: unknown): Props {
    return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Props) : {};
}

export function asArray(value: unknown): unknown[] {
    return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}

export function asString(value: unknown): string | undefined {
    return typeof value === "string" ? value : undefined;
}

/** A number, or a numeric string as a number; undefined otherwise. */
export function toNumber(value: unknown): number | undefined {
    if (typeof value === "number") {
        return value;
    }
    if (typeof value === "string" && value.trim() !== "" && !isNaN(Number(value))) {
        return Number(value);
    }
    return undefined;
}

/** Parses a JSON document given as a string or already an object; undefined when it is neither. */
export function parseJsonDocument(value: unknown): Props | undefined {
    if (typeof value === "string") {
        try {
            return asRecord(JSON.parse(value));
        } catch {
            return undefined;
        }
    }
    return value !== null && typeof value === "object" ? asRecord(value) : undefined;
}
