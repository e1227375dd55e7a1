import {
  BlobSASPermissions,
  BlobServiceClient,
  generateBlobSASQueryParameters,
  StorageSharedKeyCredential,
} from '@azure/storage-blob';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { AZURITE_ACCOUNT, AZURITE_KEY } from './azurite.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const SERVICE = 'github.actions.results.api.v1.ArtifactService';
const CONTAINER = 'actions-results';

/**
 * The request and response messages as the artifact client itself declares them (its generated
 * protobuf-ts code): every request is read with the client's own `fromJson` (an unknown or
 * mistyped field is an error) and every answer written with its `toJson`, so the service cannot
 * drift from what the client sends and expects.
 */
interface MessageType {
  fromJson(json: unknown, options?: { ignoreUnknownFields?: boolean }): Record<string, unknown>;
  toJson(message: unknown, options?: { useProtoFieldName?: boolean; emitDefaultValues?: boolean }): unknown;
  create(value?: Record<string, unknown>): Record<string, unknown>;
}
interface Generated {
  CreateArtifactRequest: MessageType;
  CreateArtifactResponse: MessageType;
  FinalizeArtifactRequest: MessageType;
  FinalizeArtifactResponse: MessageType;
  ListArtifactsRequest: MessageType;
  ListArtifactsResponse: MessageType;
  GetSignedArtifactURLRequest: MessageType;
  GetSignedArtifactURLResponse: MessageType;
  DeleteArtifactRequest: MessageType;
  DeleteArtifactResponse: MessageType;
  Timestamp: { fromDate(date: Date): unknown };
}

async function generated(): Promise<Generated> {
  return (await import(path.join(ROOT, 'node_modules/@actions/artifact/lib/generated/index.js'))) as Generated;
}

export interface StoredArtifact {
  id: number;
  runId: string;
  jobId: string;
  name: string;
  size: number;
  hash?: string;
  finalized: boolean;
  createdAt: Date;
  blob: string;
}

export interface ArtifactService {
  /** http://127.0.0.1:PORT/ — ACTIONS_RESULTS_URL. */
  url: string;
  artifacts: StoredArtifact[];
  /** Every Twirp call received: method and the request as the client's type read it. */
  calls: { method: string; request: Record<string, unknown> }[];
  /** ACTIONS_RUNTIME_TOKEN for a job of the run: a JWT whose scope names the run and the job, as the runner's does. */
  runtimeToken(runId: string, jobId: string): string;
  close(): Promise<void>;
}

class TwirpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function read(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

const b64url = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');

/**
 * GitHub's artifact service (the Twirp JSON API `@actions/artifact` v2+ talks to) on 127.0.0.1, over
 * a real Azure blob store (Azurite): CreateArtifact hands out a write SAS URL, the client uploads the
 * zip itself, FinalizeArtifact records it, ListArtifacts lists the run's finalized artifacts, and
 * GetSignedArtifactURL hands out a read SAS URL. DeleteArtifact too (a re-run job replaces its artifact).
 */
export async function startArtifactService(blobUrl: string): Promise<ArtifactService> {
  const types = await generated();
  const credential = new StorageSharedKeyCredential(AZURITE_ACCOUNT, AZURITE_KEY);
  const blobs = new BlobServiceClient(blobUrl, credential);
  const container = blobs.getContainerClient(CONTAINER);
  await container.createIfNotExists();
  const artifacts: StoredArtifact[] = [];
  const calls: ArtifactService['calls'] = [];
  const tokens = new Map<string, { runId: string; jobId: string }>();
  let nextId = 1;

  const sas = (blob: string, permissions: string): string => {
    const query = generateBlobSASQueryParameters(
      {
        containerName: CONTAINER,
        blobName: blob,
        permissions: BlobSASPermissions.parse(permissions),
        expiresOn: new Date(Date.now() + 3_600_000),
      },
      credential,
    ).toString();
    return `${container.getBlockBlobClient(blob).url}?${query}`;
  };

  const handlers: Record<
    string,
    (req: Record<string, unknown>, who: { runId: string; jobId: string }) => Promise<unknown>
  > = {
    async CreateArtifact(r, who) {
      const name = String(r.name);
      if (r.workflowRunBackendId !== who.runId || r.workflowJobRunBackendId !== who.jobId)
        throw new TwirpError(403, 'permission_denied', 'backend ids do not match the token');
      if (artifacts.some((a) => a.runId === who.runId && a.name === name))
        throw new TwirpError(409, 'already_exists', `an artifact with this name already exists on the workflow run`);
      if (Number(r.version) < 4) throw new TwirpError(400, 'invalid_argument', 'unsupported artifact version');
      const blob = `${who.runId}/${name}.zip`;
      artifacts.push({
        id: nextId++,
        runId: who.runId,
        jobId: who.jobId,
        name,
        size: 0,
        finalized: false,
        createdAt: new Date(),
        blob,
      });
      return types.CreateArtifactResponse.create({ ok: true, signedUploadUrl: sas(blob, 'cw') });
    },
    async FinalizeArtifact(r, who) {
      const a = artifacts.find(
        (x) => x.runId === who.runId && x.jobId === who.jobId && x.name === r.name && !x.finalized,
      );
      if (!a) throw new TwirpError(404, 'not_found', 'artifact not found');
      const props = await container.getBlockBlobClient(a.blob).getProperties();
      if (String(props.contentLength ?? 0) !== String(r.size))
        throw new TwirpError(
          400,
          'invalid_argument',
          `size ${String(r.size)} does not match the uploaded ${props.contentLength}`,
        );
      a.size = Number(r.size);
      const hash = (r.hash as { value?: string } | undefined)?.value;
      if (hash) a.hash = hash;
      a.finalized = true;
      return types.FinalizeArtifactResponse.create({ ok: true, artifactId: String(a.id) });
    },
    async ListArtifacts(r, who) {
      const name = (r.nameFilter as { value?: string } | undefined)?.value;
      const id = (r.idFilter as { value?: string } | undefined)?.value;
      const list = artifacts.filter(
        (a) =>
          a.runId === who.runId &&
          a.finalized &&
          (name === undefined || a.name === name) &&
          (id === undefined || String(a.id) === String(id)),
      );
      return types.ListArtifactsResponse.create({
        artifacts: list.map((a) => ({
          workflowRunBackendId: a.runId,
          workflowJobRunBackendId: a.jobId,
          databaseId: String(a.id),
          name: a.name,
          size: String(a.size),
          createdAt: types.Timestamp.fromDate(a.createdAt),
          ...(a.hash ? { digest: { value: a.hash } } : {}),
        })),
      });
    },
    async GetSignedArtifactURL(r, who) {
      const a = artifacts.find((x) => x.runId === who.runId && x.name === r.name && x.finalized);
      if (!a) throw new TwirpError(404, 'not_found', 'artifact not found');
      return types.GetSignedArtifactURLResponse.create({ signedUrl: sas(a.blob, 'r') });
    },
    async DeleteArtifact(r, who) {
      const i = artifacts.findIndex((x) => x.runId === who.runId && x.name === r.name);
      const a = artifacts[i];
      if (!a) throw new TwirpError(404, 'not_found', 'artifact not found');
      artifacts.splice(i, 1);
      await container.getBlockBlobClient(a.blob).deleteIfExists();
      return types.DeleteArtifactResponse.create({ ok: true, artifactId: String(a.id) });
    },
  };

  const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const send = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    try {
      const m = /^\/twirp\/([\w.]+)\/(\w+)$/.exec(req.url ?? '');
      if (req.method !== 'POST' || !m || m[1] !== SERVICE)
        throw new TwirpError(404, 'bad_route', `no handler for ${req.method} ${req.url}`);
      const method = m[2] ?? '';
      const handler = handlers[method];
      const type = (types as unknown as Record<string, MessageType>)[`${method}Request`];
      const answer = (types as unknown as Record<string, MessageType>)[`${method}Response`];
      if (!handler || !type || !answer) throw new TwirpError(404, 'bad_route', `no method ${method}`);
      const auth = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      const who = auth ? tokens.get(auth) : undefined;
      if (!who) throw new TwirpError(401, 'unauthenticated', 'no valid runtime token');
      let request: Record<string, unknown>;
      try {
        request = type.fromJson(JSON.parse(await read(req)));
      } catch (error) {
        throw new TwirpError(400, 'malformed', `${method}: ${(error as Error).message}`);
      }
      calls.push({ method, request });
      const response = await handler(request, who);
      send(200, answer.toJson(response, { useProtoFieldName: true }));
    } catch (error) {
      if (error instanceof TwirpError) send(error.status, { code: error.code, msg: error.message });
      else send(500, { code: 'internal', msg: String(error) });
    }
  };
  const http: Server = createServer((req, res) => void serve(req, res));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/`;
  return {
    url,
    artifacts,
    calls,
    runtimeToken(runId, jobId) {
      const token = `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ scp: `Actions.GenericRead:${runId} Actions.Results:${runId}:${jobId}` })}.sig`;
      tokens.set(token, { runId, jobId });
      return token;
    },
    close: () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}
