export { TypedEmitter } from './typed-emitter.ts';
