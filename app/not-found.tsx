// Outside the signed-in shell the same message serves.
export { default } from "./(clinic)/not-found";
