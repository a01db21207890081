/**
 * A test token issuer: key pairs generated in the test, tokens signed with
 * them, and the public keys served as a JWKS by a real HTTP server on
 * 127.0.0.1 (ephemeral port). The served key set can be switched to simulate
 * rotation; every fetch is counted. Nothing here leaves the loopback address.
 */
import * as http from "http";
import { AddressInfo } from "net";
import { CryptoKey, exportJWK, exportSPKI, generateKeyPair, JWK, JWTPayload, SignJWT } from "jose";
import { AuthorizerConfig } from "../../../../components/lambda/jwt-authorizer/config";
import { checkRouteScopes, RouteScopes } from "../../../../components/lambda/jwt-authorizer/settings";

export const TEST_ISSUER = "https://issuer.test-issuer.example/pool";
export const TEST_AUDIENCE = "orders-api";
export const METHOD_ARN_PREFIX = "arn:aws:execute-api:us-east-1:123456789012:abc123/prod";

/** A signing key of the test issuer. */
export interface TestKey {
    kid: string;
    alg: "RS256" | "ES256";
    privateKey: CryptoKey;
    publicKey: CryptoKey;
    jwk: JWK;
}

export async function testKey(kid: string, alg: "RS256" | "ES256" = "RS256"): Promise<TestKey> {
    const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
    const jwk = { ...(await exportJWK(publicKey)), kid, alg, use: "sig" };
    return { kid, alg, privateKey, publicKey, jwk };
}

/** The public key in PEM form (what an attacker would use as an HMAC secret). */
export function publicKeyPem(key: TestKey): Promise<string> {
    return exportSPKI(key.publicKey);
}

/** A JWKS served on 127.0.0.1 with a switchable key set and a fetch counter. */
export class JwksServer {
    fetches = 0;
    private keys: JWK[] = [];
    private status = 200;
    private constructor(
        private readonly server: http.Server,
        readonly url: string,
    ) {}

    static async start(keys: TestKey[]): Promise<JwksServer> {
        // Assigned once the port is known; the request handler closes over it.
        // eslint-disable-next-line prefer-const
        let self: JwksServer | undefined;
        const server = http.createServer((req, res) => {
            if (!self || req.url !== "/.well-known/jwks.json") {
                res.writeHead(404).end();
                return;
            }
            self.fetches++;
            res.writeHead(self.status, { "content-type": "application/json" }).end(JSON.stringify({ keys: self.keys }));
        });
        server.keepAliveTimeout = 100;
        await new Promise<void>((resolve, reject) => {
            server.once("error", reject);
            server.listen(0, "127.0.0.1", () => resolve());
        });
        const { port } = server.address() as AddressInfo;
        self = new JwksServer(server, `http://127.0.0.1:${port}/.well-known/jwks.json`);
        self.serve(keys);
        return self;
    }

    /** Switches the served key set (rotation). */
    serve(keys: TestKey[]): void {
        this.keys = keys.map((k) => k.jwk);
    }

    /** Answers with this HTTP status (e.g. 503 for an outage). */
    answer(status: number): void {
        this.status = status;
    }

    async close(): Promise<void> {
        this.server.closeAllConnections();
        await new Promise<void>((resolve) => this.server.close(() => resolve()));
    }
}

const now = (): number => Math.floor(Date.now() / 1000);

/** Claims of a valid token; overrides may remove a claim by setting it to undefined. */
export function claims(overrides: JWTPayload = {}): JWTPayload {
    const base: JWTPayload = {
        iss: TEST_ISSUER,
        aud: TEST_AUDIENCE,
        sub: "user-123",
        client_id: "web-client",
        scope: "orders.read orders.write",
        iat: now(),
        exp: now() + 300,
    };
    const merged: JWTPayload = { ...base, ...overrides };
    for (const key of Object.keys(merged)) {
        if (merged[key] === undefined) {
            delete merged[key];
        }
    }
    return merged;
}

/** Seconds from now, as a NumericDate. */
export const inSeconds = (s: number): number => now() + s;

/** A token signed by a test key (header `alg` and `kid` from the key unless overridden). */
export function sign(key: TestKey, payload: JWTPayload = claims(), header: { kid?: string } = {}): Promise<string> {
    return new SignJWT(payload).setProtectedHeader({ alg: key.alg, kid: header.kid ?? key.kid, typ: "JWT" }).sign(key.privateKey);
}

/** An HS256 token whose HMAC secret is the public key's PEM text (the key-confusion attack). */
export async function signWithPublicKeyAsSecret(key: TestKey, payload: JWTPayload = claims()): Promise<string> {
    const secret = new TextEncoder().encode(await publicKeyPem(key));
    return new SignJWT(payload).setProtectedHeader({ alg: "HS256", kid: key.kid, typ: "JWT" }).sign(secret);
}

const b64url = (value: object): string => Buffer.from(JSON.stringify(value)).toString("base64url");

/** A hand-made unsigned token: `{"alg":"none"}`, the claims, and an empty signature. */
export function unsignedToken(payload: JWTPayload = claims(), kid?: string): string {
    return `${b64url({ alg: "none", typ: "JWT", ...(kid ? { kid } : {}) })}.${b64url(payload)}.`;
}

export const ROUTE_SCOPES: RouteScopes = {
    "GET /orders": ["orders.read"],
    "GET /orders/{id}": ["orders.read"],
    "POST /orders": ["orders.write"],
    "DELETE /orders/{id}": ["orders.admin"],
    "GET /health": [],
};

/** A checked configuration pointing at a JWKS server. */
export function testConfig(jwksUri: string, overrides: Partial<Omit<AuthorizerConfig, "routes">> & { routeScopes?: RouteScopes } = {}): AuthorizerConfig {
    const { routeScopes, ...rest } = overrides;
    return {
        issuer: TEST_ISSUER,
        audience: TEST_AUDIENCE,
        jwksUri,
        algorithms: ["RS256", "ES256"],
        clockSkewSeconds: 60,
        routes: checkRouteScopes(routeScopes ?? ROUTE_SCOPES),
        ...rest,
    };
}

/** A TOKEN authorizer event. */
export function tokenEvent(authorization: string, method = "GET", path = "/orders"): { type: "TOKEN"; methodArn: string; authorizationToken: string } {
    return { type: "TOKEN", methodArn: `${METHOD_ARN_PREFIX}/${method}${path}`, authorizationToken: authorization };
}

/** A REQUEST authorizer event with the given headers. */
export function requestEvent(headers: Record<string, string>, method = "GET", path = "/orders/42", multi?: Record<string, string[]>): Record<string, unknown> {
    return {
        type: "REQUEST",
        methodArn: `${METHOD_ARN_PREFIX}/${method}${path}`,
        resource: path,
        path,
        httpMethod: method,
        headers,
        multiValueHeaders: multi ?? Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])),
        pathParameters: {},
        queryStringParameters: {},
        multiValueQueryStringParameters: {},
        stageVariables: {},
        requestContext: {},
    };
}

/** Runs `fn` with console and stdout/stderr captured; returns everything written. */
export async function captureOutput(fn: () => Promise<void>): Promise<string> {
    const chunks: string[] = [];
    const methods = ["log", "info", "warn", "error", "debug"] as const;
    const saved = methods.map((m) => console[m]);
    const writes = [process.stdout.write, process.stderr.write];
    const record = (...args: unknown[]): void => {
        chunks.push(args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" "));
    };
    methods.forEach((m) => {
        console[m] = record;
    });
    const capture = (chunk: unknown): boolean => {
        chunks.push(String(chunk));
        return true;
    };
    process.stdout.write = capture as typeof process.stdout.write;
    process.stderr.write = capture as typeof process.stderr.write;
    try {
        await fn();
    } finally {
        methods.forEach((m, i) => {
            console[m] = saved[i];
        });
        [process.stdout.write, process.stderr.write] = writes;
    }
    return chunks.join("\n");
}
