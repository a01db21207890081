/** Wording shared by the rules' findings. */

/** Formats a resource for messages: `Stage "name"`. */
export function describe(r: { type: string; name: string }): string {
    return `${r.type.split(":").pop()} "${r.name}"`;
}

/**
 * The finding for a value a rule needs but that is unknown during a first
 * preview (it is derived from resources not created yet): the rule does not
 * pass it by omission, it says what must hold once the value is known.
 * Several unknown paths of one requirement are named together, each in full.
 */
export function unverifiable(subject: string, path: string | readonly string[], requirement: string): string {
    const paths = typeof path === "string" ? [path] : path;
    if (paths.length > 1) {
        return `cannot be verified at preview: ${listing(paths.map((p) => `${subject}.${p}`))} are unknown; they must ${requirement}.`;
    }
    return `cannot be verified at preview: ${subject}${paths[0] ? `.${paths[0]}` : ""} is unknown; it must ${requirement}.`;
}

/** `a`, `a and b`, `a, b and c`. */
export function listing(items: readonly string[]): string {
    return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
