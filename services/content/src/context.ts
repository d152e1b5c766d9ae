import type { BaseContext } from '@hub/common';
import { createMaterialLoaders, type MaterialLoaders } from './loaders/material.loader.js';

export interface ContentContext extends BaseContext {
  materials: MaterialLoaders;
}

export function createContext(base: BaseContext): ContentContext {
  return { ...base, materials: createMaterialLoaders(base.em) };
}
