/** Wording shared by the rules' findings. */

/** Formats a resource for messages: `Stage "name"`. */
export function describe(r: { type: string; name: string }): string {
    return `${r.type.split(":").pop()} "${r.name}"`;
}

/**
 * The finding for a value a rule needs but that is unknown during a first
 * preview (it is derived from resources not created yet): the rule does not
 * pass it by omission, it says what must hold once the value is known.
 */
export function unverifiable(subject: string, path: string, requirement: string): string {
    return `cannot be verified at preview: ${subject}${path ? `.${path}` : ""} is unknown; it must ${requirement}.`;
}

/** `a`, `a and b`, `a, b and c`. */
export function listing(items: readonly string[]): string {
    return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
