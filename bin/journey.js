#!/usr/bin/env node
// The CLI is a CommonJS bundle run through a V8 code cache (src/boot/code-cache.ts).
import { bundleDirFrom, runBundle } from '../dist/boot/code-cache.js';

runBundle(bundleDirFrom(import.meta.url));
