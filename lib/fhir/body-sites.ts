/**
 * Where on the body each physical measurement (lib/clinical/measures.ts) is
 * taken, for Observation.bodySite. No source in the project names codes for
 * these, so they are local codes [U: site names are ours]. A unit test fails
 * for a measure without a site.
 */
export type BodySite = { key: string; label: string };

const HIP = { key: "hip", label: "Hip" };
const KNEE = { key: "knee", label: "Knee" };
const LUMBAR = { key: "lumbar-spine", label: "Lumbar spine" };
const THORACIC = { key: "thoracic-spine", label: "Thoracic spine" };
const CERVICAL = { key: "cervical-spine", label: "Cervical spine" };
const PELVIS = { key: "pelvis", label: "Pelvis" };
const TRUNK = { key: "trunk", label: "Trunk" };

const muscle = (key: string, label: string): BodySite => ({ key, label });

const SITES: Record<string, BodySite> = {
  "thomas-hip-angle": HIP,
  "thomas-knee-angle": KNEE,
  "ake-deficit": KNEE,
  "slr-passive": HIP,
  "mmt-gluteus-maximus": muscle("gluteus-maximus", "Gluteus maximus muscle"),
  "mmt-gluteus-medius": muscle("gluteus-medius", "Gluteus medius muscle"),
  "mmt-quadriceps": muscle("quadriceps", "Quadriceps muscle"),
  "mmt-abdominals": muscle("abdominals", "Abdominal muscles"),
  "mmt-middle-trapezius": muscle("middle-trapezius", "Middle trapezius muscle"),
  "mmt-lower-trapezius": muscle("lower-trapezius", "Lower trapezius muscle"),
  "mmt-serratus-anterior": muscle("serratus-anterior", "Serratus anterior muscle"),
  "mmt-deep-neck-flexors": muscle("deep-neck-flexors", "Deep neck flexor muscles"),
  "pelvic-tilt": PELVIS,
  "lumbar-lordosis": LUMBAR,
  "thoracic-kyphosis": THORACIC,
  "craniovertebral-angle": CERVICAL,
  "modified-schober": LUMBAR,
  "lumbar-flexion": LUMBAR,
  "lumbar-extension": LUMBAR,
  "lumbar-lateral-flexion": LUMBAR,
  "lumbar-rotation": LUMBAR,
  "biering-sorensen": TRUNK,
  "side-bridge": TRUNK,
  "trunk-flexor-endurance": TRUNK,
};

export function getBodySite(measureCode: string): BodySite | undefined {
  return SITES[measureCode];
}

/** The spine region a decompression course treats. */
export const DECOMPRESSION_SITES: Record<"lumbar" | "cervical", BodySite> = { lumbar: LUMBAR, cervical: CERVICAL };
