/**
 * IPv4 CIDR parsing and range arithmetic. CIDRs are compared as address
 * ranges, never as strings: `0.0.0.0/1` plus `128.0.0.0/1` opens the API to
 * every address just as `0.0.0.0/0` does, and `00.0.0.0/0` or `10.0.0.1/0`
 * are `/0` however they are spelled.
 */

/** A parsed IPv4 CIDR block: first address and prefix length. */
export interface Ipv4Range {
    /** First address as an unsigned 32-bit integer. */
    start: number;
    /** Last address (inclusive). */
    end: number;
    prefix: number;
}

const OCTET = /^(0|[1-9]\d{0,2})$/;

/** Why a string is not a canonical IPv4 CIDR, or undefined when it is one. */
export function ipv4CidrProblem(value: unknown): string | undefined {
    if (typeof value !== "string") {
        return "is not a string";
    }
    const match = /^([^/]+)\/(\d{1,2})$/.exec(value);
    if (!match) {
        return "is not of the form a.b.c.d/n";
    }
    const octets = match[1].split(".");
    if (octets.length !== 4 || !octets.every((o) => OCTET.test(o) && Number(o) <= 255)) {
        return "has an address that is not four numbers 0-255 without leading zeros";
    }
    const prefix = Number(match[2]);
    if (!/^(0|[1-9]\d?)$/.test(match[2]) || prefix > 32) {
        return "has a prefix length that is not 0-32";
    }
    const address = octets.reduce((acc, o) => acc * 256 + Number(o), 0);
    const size = 2 ** (32 - prefix);
    if (address % size !== 0) {
        const network = address - (address % size);
        return `has host bits set (the network is ${formatIpv4(network)}/${prefix})`;
    }
    return undefined;
}

/** Parses a canonical IPv4 CIDR; undefined when {@link ipv4CidrProblem} finds a problem. */
export function parseIpv4Cidr(value: string): Ipv4Range | undefined {
    if (ipv4CidrProblem(value) !== undefined) {
        return undefined;
    }
    const [address, prefixText] = value.split("/");
    const start = address.split(".").reduce((acc, o) => acc * 256 + Number(o), 0);
    const prefix = Number(prefixText);
    return { start, end: start + 2 ** (32 - prefix) - 1, prefix };
}

/** Dotted form of an address. */
export function formatIpv4(address: number): string {
    return [24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256).join(".");
}

/** Number of IPv4 addresses the ranges cover together (overlaps counted once). */
export function coveredAddressCount(ranges: readonly Ipv4Range[]): number {
    const sorted = [...ranges].sort((a, b) => a.start - b.start);
    let total = 0;
    let cursor = -1;
    for (const r of sorted) {
        const from = Math.max(r.start, cursor + 1);
        if (r.end >= from) {
            total += r.end - from + 1;
            cursor = r.end;
        }
    }
    return total;
}

/** All 2^32 IPv4 addresses. */
export const IPV4_ADDRESS_COUNT = 2 ** 32;

/**
 * Problems with a list of CIDRs that must not open a service to everyone:
 * each entry malformed, `/0`, or the list as a whole covering all of IPv4.
 */
export function allowListProblems(values: readonly string[]): string[] {
    const problems: string[] = [];
    const ranges: Ipv4Range[] = [];
    values.forEach((value, i) => {
        const problem = ipv4CidrProblem(value);
        if (problem !== undefined) {
            problems.push(`[${i}] ${JSON.stringify(value)} ${problem}`);
            return;
        }
        const range = parseIpv4Cidr(value)!;
        if (range.prefix === 0) {
            problems.push(`[${i}] ${JSON.stringify(value)} is /0, every IPv4 address`);
            return;
        }
        ranges.push(range);
    });
    if (problems.length === 0 && ranges.length > 1 && coveredAddressCount(ranges) === IPV4_ADDRESS_COUNT) {
        problems.push(`together cover every IPv4 address (${values.join(", ")})`);
    }
    return problems;
}
