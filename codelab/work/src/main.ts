// Your code goes here. Follow the codelab from step 1; after each step, check your work:
//
//   npm run check -- 1
//
// The finished code of every step is in codelab/step-NN-*/ if you get stuck.
export {};
