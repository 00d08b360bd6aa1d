import path from 'node:path';
import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // This folder is its own app (its own lockfile), also inside the kit's repository.
  turbopack: { root: path.resolve('.') },
  outputFileTracingRoot: path.resolve('.'),
  // The payjp SDK is Node code: load it from node_modules at run time instead of bundling it.
  serverExternalPackages: ['payjp'],
};

export default nextConfig;
