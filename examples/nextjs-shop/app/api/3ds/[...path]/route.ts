// The kit's PAY.JP handler: card verifications and charges, over the official payjp SDK.
import { payjpHandler } from '../../../../lib/payjpHandler';

export const runtime = 'nodejs'; // the payjp SDK is Node code
export const GET = (request: Request) => payjpHandler()(request);
export const POST = (request: Request) => payjpHandler()(request);
