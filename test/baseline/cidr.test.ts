/** CIDR parsing and range arithmetic of the guardrail baseline. */
import * as assert from "assert";
import { allowListProblems, coveredAddressCount, formatIpv4, ipv4CidrProblem, parseIpv4Cidr } from "../../policy-pack/baseline";

describe("baseline: IPv4 CIDRs", () => {
    it("parses canonical CIDRs to address ranges", () => {
        assert.deepStrictEqual(parseIpv4Cidr("10.0.0.0/8"), { start: 10 * 2 ** 24, end: 11 * 2 ** 24 - 1, prefix: 8 });
        assert.deepStrictEqual(parseIpv4Cidr("192.168.1.7/32"), { start: 3232235783, end: 3232235783, prefix: 32 });
        assert.deepStrictEqual(parseIpv4Cidr("0.0.0.0/0"), { start: 0, end: 2 ** 32 - 1, prefix: 0 });
        assert.strictEqual(formatIpv4(3232235783), "192.168.1.7");
    });

    it("rejects malformed and non-canonical spellings, naming the problem", () => {
        assert.match(ipv4CidrProblem("00.0.0.0/0")!, /leading zeros/);
        assert.match(ipv4CidrProblem("10.0.0.1/0")!, /host bits set \(the network is 0\.0\.0\.0\/0\)/);
        assert.match(ipv4CidrProblem("10.0.0.1/24")!, /network is 10\.0\.0\.0\/24/);
        assert.match(ipv4CidrProblem("256.0.0.0/8")!, /0-255/);
        assert.match(ipv4CidrProblem("10.0.0.0/33")!, /prefix length/);
        assert.match(ipv4CidrProblem("10.0.0.0/08")!, /prefix length/);
        assert.match(ipv4CidrProblem("10.0.0.0")!, /a\.b\.c\.d\/n/);
        assert.match(ipv4CidrProblem(42)!, /not a string/);
        assert.strictEqual(ipv4CidrProblem("10.0.0.0/32"), undefined);
        assert.strictEqual(parseIpv4Cidr("10.0.0.1/24"), undefined);
    });

    it("counts covered addresses once across overlaps", () => {
        const r = (s: string) => parseIpv4Cidr(s)!;
        assert.strictEqual(coveredAddressCount([r("10.0.0.0/8"), r("10.1.0.0/16")]), 2 ** 24);
        assert.strictEqual(coveredAddressCount([r("10.0.0.0/32"), r("10.0.0.1/32")]), 2);
        assert.strictEqual(coveredAddressCount([]), 0);
    });

    it("refuses allow lists that open everything: /0 however spelled, or ranges that together cover IPv4", () => {
        assert.deepStrictEqual(allowListProblems(["10.0.0.0/8", "192.168.0.0/16"]), []);
        assert.deepStrictEqual(allowListProblems(["0.0.0.0/0"]), ['[0] "0.0.0.0/0" is /0, every IPv4 address']);
        assert.match(allowListProblems(["00.0.0.0/0"])[0], /^\[0\] "00\.0\.0\.0\/0" has an address/);
        assert.match(allowListProblems(["10.0.0.1/0"])[0], /host bits/);
        assert.deepStrictEqual(allowListProblems(["0.0.0.0/1", "128.0.0.0/1"]), ["together cover every IPv4 address (0.0.0.0/1, 128.0.0.0/1)"]);
        assert.deepStrictEqual(allowListProblems(["0.0.0.0/1", "128.0.0.0/2"]), []);
        assert.deepStrictEqual(allowListProblems(["0.0.0.0/1", "128.0.0.0/2", "192.0.0.0/2"]).length, 1);
    });

    it("anchors the CIDR form at both ends", () => {
        assert.strictEqual(ipv4CidrProblem("1/10.0.0.0/8"), "is not of the form a.b.c.d/n");
        assert.strictEqual(ipv4CidrProblem("10.0.0.0/8x"), "is not of the form a.b.c.d/n");
        assert.strictEqual(ipv4CidrProblem("10.0.0.0/8/"), "is not of the form a.b.c.d/n");
    });

    it("accepts octets up to 255 and names bad addresses exactly", () => {
        assert.strictEqual(ipv4CidrProblem("255.255.255.255/32"), undefined);
        assert.deepStrictEqual(parseIpv4Cidr("255.0.0.0/8"), { start: 255 * 2 ** 24, end: 2 ** 32 - 1, prefix: 8 });
        const bad = "has an address that is not four numbers 0-255 without leading zeros";
        assert.strictEqual(ipv4CidrProblem("256.0.0.0/8"), bad);
        assert.strictEqual(ipv4CidrProblem("00.0.0.0/0"), bad);
        assert.strictEqual(ipv4CidrProblem("10.0.0/8"), bad);
    });

    it("counts unsorted and same-start ranges once", () => {
        const r = (s: string) => parseIpv4Cidr(s)!;
        assert.strictEqual(coveredAddressCount([r("10.1.0.0/16"), r("10.0.0.0/8")]), 2 ** 24);
        assert.strictEqual(coveredAddressCount([r("10.0.0.0/16"), r("10.0.0.0/8")]), 2 ** 24);
        assert.strictEqual(coveredAddressCount([r("128.0.0.0/1"), r("0.0.0.0/1")]), 2 ** 32);
    });

    it("reports full coverage only for valid lists of several ranges that really cover IPv4", () => {
        assert.deepStrictEqual(allowListProblems(["0.0.0.0/1", "128.0.0.0/1", "x"]), ['[2] "x" is not of the form a.b.c.d/n']);
        assert.deepStrictEqual(allowListProblems(["0.0.0.0/1", "128.0.0.0/1", "0.0.0.0/0"]), ['[2] "0.0.0.0/0" is /0, every IPv4 address']);
        assert.deepStrictEqual(allowListProblems(["10.0.0.0/8", "192.168.0.0/16"]), []);
        assert.deepStrictEqual(allowListProblems(["0.0.0.0/1"]), []);
        assert.deepStrictEqual(allowListProblems([]), []);
        assert.deepStrictEqual(allowListProblems(["128.0.0.0/1", "0.0.0.0/1"]), ["together cover every IPv4 address (128.0.0.0/1, 0.0.0.0/1)"]);
    });
});
