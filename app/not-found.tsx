import ClinicNotFound from "./(clinic)/not-found";

// Outside the signed-in shell the same message serves, inside its own main landmark.
export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-3xl p-6">
      <ClinicNotFound />
    </main>
  );
}
