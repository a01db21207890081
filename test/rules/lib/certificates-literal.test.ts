/**
 * certificateFacts, literally: the key type (Node's name, "unknown" when Node has none), the RSA modulus length for
 * RSA and RSA-PSS keys only, and the names (the subject's CN, then the DNS subject alternative names, each once; other
 * subject attributes and other SAN kinds are not names). The PEMs are self-signed test certificates made with openssl
 * (`openssl req -x509 ...`), like the fixtures of test/rules/acm.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { certificateFacts } from "../../../policy-pack/rules/lib/certificates";

/** EC P-256; subject O=Example Corp, CN=www.example.com; SAN DNS:api.example.com, IP:192.0.2.1, email:ops@example.com, DNS:www.example.com. */
const EC_MIXED_NAMES = `
-----BEGIN CERTIFICATE-----
MIIB/DCCAaKgAwIBAgIUF97jWAzrPBrF4sKYY5xd3PfnQdMwCgYIKoZIzj0EAwIw
MTEVMBMGA1UECgwMRXhhbXBsZSBDb3JwMRgwFgYDVQQDDA93d3cuZXhhbXBsZS5j
b20wIBcNMjYxMjAzMDkxMTQ0WhgPMjEyNjExMDkwOTExNDRaMDExFTATBgNVBAoM
DEV4YW1wbGUgQ29ycDEYMBYGA1UEAwwPd3d3LmV4YW1wbGUuY29tMFkwEwYHKoZI
zj0CAQYIKoZIzj0DAQcDQgAE8s4qTyaa/N9Ymq7BaczQEQqAr8Htz/HR1/bi8AQ7
9AnO9fpC4C5wbOBY/5UACoKHEu9GeFhcMCcKg2HuSzXueKOBlTCBkjAdBgNVHQ4E
FgQUN1Nler4nOrb4yx7eAM5SK8xMLqkwHwYDVR0jBBgwFoAUN1Nler4nOrb4yx7e
AM5SK8xMLqkwQgYDVR0RBDswOYIPYXBpLmV4YW1wbGUuY29thwTAAAIBgQ9vcHNA
ZXhhbXBsZS5jb22CD3d3dy5leGFtcGxlLmNvbTAMBgNVHRMBAf8EAjAAMAoGCCqG
SM49BAMCA0gAMEUCIQDpkNU6OSNV2N4LK3ngWyHEy4X7iS9p7FvlTVOSZTvyBwIg
ZZxbLdcqMqFfUfTL1R8giP6J51xTUpR85J+ZKs2g2v4=
-----END CERTIFICATE-----
`;

/** RSA-PSS 2048; subject CN=pss.example.com; no SAN extension. */
const RSA_PSS = `
-----BEGIN CERTIFICATE-----
MIIDfDCCAi+gAwIBAgIUUH08AL84Ew71PuSJID9dbTZ8VEwwQgYJKoZIhvcNAQEK
MDWgDzANBglghkgBZQMEAgEFAKEcMBoGCSqGSIb3DQEBCDANBglghkgBZQMEAgEF
AKIEAgIA3jAaMRgwFgYDVQQDDA9wc3MuZXhhbXBsZS5jb20wIBcNMjYxMjAzMDkx
MTQ0WhgPMjEyNjExMDkwOTExNDRaMBoxGDAWBgNVBAMMD3Bzcy5leGFtcGxlLmNv
bTCCASAwCwYJKoZIhvcNAQEKA4IBDwAwggEKAoIBAQCmzru3wPKErl+QWXb+Hofj
Z73E5AycIvGr+q4iIZbAXlbqa9+b3NwrAFNFZkW67g6Pm2rnFfDiBea0T6BZePn8
mqAYerwfvDrY10Xag4mmSKOPA0heBIxRWVvldH8j8MGflWbXZFsAha4tiTka38hc
1XDoTY1aWK7FTD+Af82+Femu/xqSb2dOSJgo4KcecyW5OJ5AtaGcIEDxRr4gYXGB
xDA3RG5ccSeAU5Wy2DnsgLm5r5lZAUlRa6fgB3Y6GEMjpZRE7yV0s5XSRDhkNrau
us7aDFxP3Tf59uT2MULNhN/lg5BQXAljEvS+cJylIdkzj32FIoM+7OaJqqP8pbql
AgMBAAGjUDBOMB0GA1UdDgQWBBRj1/67xPZZGnL1s9+aq8c8MdLPBTAfBgNVHSME
GDAWgBRj1/67xPZZGnL1s9+aq8c8MdLPBTAMBgNVHRMBAf8EAjAAMEIGCSqGSIb3
DQEBCjA1oA8wDQYJYIZIAWUDBAIBBQChHDAaBgkqhkiG9w0BAQgwDQYJYIZIAWUD
BAIBBQCiBAICAN4DggEBAENHszZgiW2q5reId6I/bN71jEn1fxvCvzXXmfXf+96S
HMuMxbZ/WBKmb0b2nS9KHmNDMnF3JGDwBdT92gLUuw7qIZ7igZQDJqbAsnMGG0xJ
K8dHUl8BBTobqZudxER8DKcBTbLPRGGp5K+rNj3YnkLfGnErrenNNnAm18eOmJcK
+ws5OgQFvKtPhJhD/lYSSTJj7yrkofPIo6Xe8unDOeA0TZJCyGclo15tYjV/30uX
7c8TmoN1FefCelnbO7uZ9szW77eWU8gP9w5il5EEh4acz5rNbHP5YNemh8rGhTy0
0iMvI8qSgLgCb84LRT/qVwC6J7MKInr+PCr6TVcYiSQ=
-----END CERTIFICATE-----
`;

/** DSA 2048 (its key details carry a modulusLength too); subject CN=dsa.example.com. */
const DSA = `
-----BEGIN CERTIFICATE-----
MIIEcDCCBB2gAwIBAgIUKzkQzy/eZbLzdtRsWaym6/FZ4cowCwYJYIZIAWUDBAMC
MBoxGDAWBgNVBAMMD2RzYS5leGFtcGxlLmNvbTAgFw0yNjEyMDMwOTExNDRaGA8y
MTI2MTEwOTA5MTE0NFowGjEYMBYGA1UEAwwPZHNhLmV4YW1wbGUuY29tMIIDQjCC
AjUGByqGSM44BAEwggIoAoIBAQCO3Fm1p1A+aBOk50c1YsAH6/Zhc5Zyv2KvDHUb
y6Ms5Rg8E0OvZguSVqTCRq2l47BibEQD0kE64VjkHZd0tuWNozslNj+suWJ09GR8
qyaVCC/vvLcQC4k6vjbdoOPmKx1Vx+4bXEj8oxsbNgLbvcvytGXijUWZodcM7YgE
1mN14s+IBEsFglb5pUZo62tY5PQu6hX8yi8FqKptnngtbTb+H6Dm6TmYYT4kzozV
nyzJYhtroamHxFF1T/4GJc7Q3Bh3vnttzv1d/d2IfcAKbmMPrdpKBBP/K55aKw7z
1yNCS3pMP8km3YXf2ooZl+9LaVX9eGQJWKewVjJLVJQaIML7Ah0A8KR/ua28zatr
Lw5Shh9V0eiR4VioYvNBLm+OVwKCAQB1iLg/yMCdyJYFzqaLivZoF78Ekxnc5N+o
KpR3GgYW5OlVL3v3wsnoH93QQQSbPsojUFTHCmQGu80jLukc1XMHDefBgFVHrLRS
QjIVsuOr1h2EdQhaA8SxwSQ8eRHVjINfXwEgsq/QEjw+ZDD8qGZ/Mpg+3Phst9Lq
HJuzAVmGQAIHQRMJN4sYTTW2VAecgdVxJ6JgsRGCDur9akfP9t0TpBdK9RhrHHCz
+ZquQ9MMlbnaDdBXGdZNPvlQVygqxFZsl+9MoGMM4lICcM/BMF+8bP6yrsY1RKDI
sF+nt//UuChC+0cn7Ldc+iRv+vIoB/7Lm7BesBKlO16OifKymrQXA4IBBQACggEA
JGW8IpMO6x6J5FLL36F9GC1hf7psTM0CAvcO8mqFVK0JB5GF9zxBp0f1FdSmF1G5
+cB0VRoT1amzZ2N63qUPZlBwknXqUlHfZieE46z8+Rlk49ymAKnDiCStxtXqJvL6
0AMZS+KGrHckehw3ZrGfyAYVf6JBzLMoUvwmxUyPg2UhcSJMAPuSzJl69fA28+j5
faYweD1RbvF4eUGqw91sqYdUlIpIpJAVLeNqfrslHBZfwJNzIpc/ULS9XlyEcm06
a7CdN7VapaF03h9RmSY6z8a4PXDhAMpFZa5RfqHCdQwqY/9UqCwrygTx5T7sq/9V
G/3VDGmhQhR8vCRyrD8htaNTMFEwHQYDVR0OBBYEFEKEZF3ktlaRR48wP6Xf11AK
V3eTMB8GA1UdIwQYMBaAFEKEZF3ktlaRR48wP6Xf11AKV3eTMA8GA1UdEwEB/wQF
MAMBAf8wCwYJYIZIAWUDBAMCA0AAMD0CHHCN3UFswHRAGxxVTGBahcQX9HLIqh/G
0NBg0U4CHQCF1BSAtRDQrWeM9b2/lJJOX8LG9if87B4jhOcW
-----END CERTIFICATE-----
`;

/** SM2, a key type Node names no asymmetricKeyType for; subject CN=sm2.example.com. */
const SM2 = `
-----BEGIN CERTIFICATE-----
MIIBjDCCATGgAwIBAgIURwOw9Q41/joX34RM0/lus7utlUMwCgYIKoEcz1UBg3Uw
GjEYMBYGA1UEAwwPc20yLmV4YW1wbGUuY29tMCAXDTI2MTIwMzA5MTE0NVoYDzIx
MjYxMTA5MDkxMTQ1WjAaMRgwFgYDVQQDDA9zbTIuZXhhbXBsZS5jb20wWTATBgcq
hkjOPQIBBggqgRzPVQGCLQNCAAQnmJwyYLT/75OT8uiytMzkWfFVCNL5aHyWmYGa
9S4FKmmyysYz2zWzHkSyrjk0KvJbFkBFpIse+daVvlRunOOWo1MwUTAdBgNVHQ4E
FgQUn+7/PAryG+Ae7i2a/zjL0fjBEZ4wHwYDVR0jBBgwFoAUn+7/PAryG+Ae7i2a
/zjL0fjBEZ4wDwYDVR0TAQH/BAUwAwEB/zAKBggqgRzPVQGDdQNJADBGAiEA7HzM
Uqx0FZ1OyXOBE+10DAYpXh9XM83SBRXVVZmswcMCIQCAaBTUY4EgBViDVInx7yqW
hKR9iHeFuCMf409pXrn/4A==
-----END CERTIFICATE-----
`;

const pem = (fixture: string) => fs.readFileSync(path.join(__dirname, "..", "acm", "fixtures", `${fixture}.pem`), "utf8");

describe("certificateFacts (literal)", () => {
    it("names the subject CN first, then the DNS alternative names, each once, skipping O, IP and email entries", () => {
        assert.deepStrictEqual(certificateFacts(EC_MIXED_NAMES), { keyType: "ec", rsaBits: undefined, names: ["www.example.com", "api.example.com"] });
    });

    it("gives the modulus length of an RSA-PSS key, and the CN alone when there is no SAN extension", () => {
        assert.deepStrictEqual(certificateFacts(RSA_PSS), { keyType: "rsa-pss", rsaBits: 2048, names: ["pss.example.com"] });
    });

    it("gives the modulus length of an RSA key", () => {
        assert.deepStrictEqual(certificateFacts(pem("rsa-2047")), { keyType: "rsa", rsaBits: 2047, names: ["api.example.com"] });
    });

    it("gives no rsaBits for a DSA key, though Node reports a modulus length for it", () => {
        assert.deepStrictEqual(certificateFacts(DSA), { keyType: "dsa", rsaBits: undefined, names: ["dsa.example.com"] });
    });

    it('names a key type Node does not know "unknown"', () => {
        assert.deepStrictEqual(certificateFacts(SM2), { keyType: "unknown", rsaBits: undefined, names: ["sm2.example.com"] });
    });

    it("is undefined for text that is no PEM certificate", () => {
        assert.strictEqual(certificateFacts("-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n"), undefined);
        assert.strictEqual(certificateFacts(""), undefined);
    });
});
