/**
 * The emergency routes of api/emergency.ts answered from memory through the HttpTestingController, as the
 * server would for one caller at a time: the clinic key's wraps per admin, the patients' clinic-wrapped document
 * keys, the doctors' released keys, and justifications. Also /api/admins and the Transaction Records report
 * the TransactionRunner sends. Everything the browser sent is kept in `bodies`. Crypto and chain stay real.
 */
import type { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import type {
  ClinicKeyWrapsBody,
  EmergencyDocumentKeysBody,
  JustificationBody,
  JustificationCreated,
  RewrappedDocumentKeysBody,
} from '@api';
import { hexlify } from 'ethers';
import { justificationCommitmentOf } from '../app/emergency/justification-commitment';

export class MemoryEmergencyServer {
  admins: string[] = [];
  clinicKey: string | null = null;
  /** admin (lowercase) → wrap of the clinic private key. */
  readonly clinicWraps = new Map<string, string>();
  /** cid → { patient, publicKey, wrappedKey } wrapped for the clinic key. */
  readonly clinicDocumentKeys = new Map<string, { patient: string; publicKey: string; wrappedKey: string }>();
  /** access id → keys released to its doctor. */
  readonly released = new Map<string, { cid: string; wrappedKey: string }[]>();
  /** access id → { patient, doctor } of a live access. */
  readonly accesses = new Map<string, { patient: string; doctor: string }>();
  readonly bodies: { method: string; url: string; body: unknown }[] = [];
  /** Every request answered, as "METHOD path", in order. */
  readonly answered: string[] = [];
  /** What POST /justifications answered, in order. */
  readonly justifications: JustificationCreated[] = [];
  /** Set to answer a justification otherwise than the server does (a server that lies). */
  answerJustification?: (body: JustificationBody) => JustificationCreated;
  /** Fixed answers to other GETs, by path (e.g. '/api/emergency/reviews'). */
  readonly answers = new Map<string, unknown>();
  caller = '';
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly http: HttpTestingController) {}

  start(): this {
    this.timer = setInterval(() => this.answerPending(), 5);
    return this;
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private answerPending(): void {
    const pending = this.http.match(
      (request) =>
        request.url.startsWith('/api/emergency') ||
        request.url === '/api/admins' ||
        request.url === '/api/transactions',
    );
    for (const request of pending) this.answer(request);
  }

  private answer(request: TestRequest): void {
    const { method, url, body, params } = request.request;
    const path = decodeURIComponent(url);
    this.answered.push(`${method} ${path}`);
    if (body !== null) this.bodies.push({ method, url: path, body });
    const ok = (value: unknown) => request.flush(value as object | null);
    const noContent = () => request.flush(null, { status: 204, statusText: 'No Content' });
    if (path === '/api/transactions') return noContent();
    if (path === '/api/admins') return ok({ admins: this.admins, count: this.admins.length });
    if (method === 'POST' && path === '/api/emergency/justifications') {
      const created = this.answerJustification?.(body as JustificationBody) ?? this.justify(body as JustificationBody);
      this.justifications.push(created);
      return ok(created);
    }
    if (method === 'PUT' && path === '/api/emergency/clinic-key/wraps') {
      const stored = body as ClinicKeyWrapsBody;
      this.clinicWraps.clear();
      for (const wrap of stored.wraps) this.clinicWraps.set(wrap.admin.toLowerCase(), wrap.wrappedKey);
      return ok({ publicKey: stored.publicKey, admins: stored.wraps.map((wrap) => wrap.admin) });
    }
    if (method === 'GET' && path === '/api/emergency/clinic-key/wraps') {
      return ok({ publicKey: this.clinicKey, admins: [...this.clinicWraps.keys()] });
    }
    if (method === 'GET' && path === '/api/emergency/clinic-key/wraps/me') {
      const wrappedKey = this.clinicWraps.get(this.caller.toLowerCase());
      if (!wrappedKey) return this.refuse(request, 404, 'EMERGENCY_WRAP_NOT_FOUND');
      return ok({ publicKey: this.clinicKey, admin: this.caller, wrappedKey, wrappedBy: this.caller, wrappedAt: '' });
    }
    if (path === '/api/emergency/documents/keys') {
      if (method === 'PUT') {
        const stored = body as EmergencyDocumentKeysBody;
        for (const { cid, wrappedKey } of stored.keys) {
          this.clinicDocumentKeys.set(cid, { patient: this.caller, publicKey: stored.publicKey, wrappedKey });
        }
        return noContent();
      }
      const patient = params.get('patient')!.toLowerCase();
      return ok({
        clinicKey: this.clinicKey,
        sharing: true,
        items: [...this.clinicDocumentKeys]
          .filter(([, key]) => key.patient.toLowerCase() === patient)
          .map(([cid, key]) => ({ cid, publicKey: key.publicKey })),
      });
    }
    const documentKeys = /^\/api\/emergency\/accesses\/([^/]+)\/document-keys$/.exec(path);
    if (documentKeys) {
      const access = this.accesses.get(documentKeys[1]);
      if (!access) return this.refuse(request, 404, 'EMERGENCY_ACCESS_NOT_FOUND');
      if (method === 'POST') {
        this.released.set(documentKeys[1], (body as RewrappedDocumentKeysBody).keys);
        return noContent();
      }
      const items = [...this.clinicDocumentKeys]
        .filter(([, key]) => key.patient.toLowerCase() === access.patient.toLowerCase())
        .map(([cid, key]) => ({ cid, wrappedKey: key.wrappedKey }));
      return ok({ accessId: documentKeys[1], ...access, expiresAt: '', publicKey: this.clinicKey, items });
    }
    if (method === 'GET' && this.answers.has(path)) return ok(this.answers.get(path));
    if (method === 'GET' && path === '/api/emergency/accesses/mine') return ok({ items: [] });
    if (method === 'POST' && path.startsWith('/api/emergency/reviews/')) return ok(body);
    this.refuse(request, 500, 'NOT_SERVED');
  }

  private justify({ patient, justification }: JustificationBody): JustificationCreated {
    const salt = hexlify(crypto.getRandomValues(new Uint8Array(32)));
    return { patient, doctor: this.caller, salt, commitment: justificationCommitmentOf(justification.trim(), salt) };
  }

  private refuse(request: TestRequest, status: number, code: string): void {
    request.flush({ error: { code, message: code } }, { status, statusText: code });
  }
}
