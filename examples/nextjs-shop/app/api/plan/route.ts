// The plan change: granted only after the server re-read the card verification itself.
import { changePlan } from '../../../lib/plans';
import { shopEnv } from '../../../lib/shopEnv';

export const runtime = 'nodejs';

export async function POST(request: Request) {
  // JSON only: an HTML form of another site cannot send it without a CORS preflight (never answered).
  if (!request.headers.get('content-type')?.startsWith('application/json')) return Response.json({ error: 'unsupported_media_type' }, { status: 415 });
  const body = (await request.json().catch(() => null)) as { verificationId?: unknown } | null;
  const verificationId = body?.verificationId;
  if (typeof verificationId !== 'string' || !/^tdsr_[A-Za-z0-9]{1,64}$/.test(verificationId)) {
    return Response.json({ error: 'invalid_request' }, { status: 400 });
  }
  const result = await changePlan(shopEnv().customerId, verificationId);
  return Response.json(result, { status: result.granted ? 200 : 403 });
}
