import { Search } from "@/components/ui/icons";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { EXERCISE_CATEGORIES, MUSCLES } from "@/lib/clinical/exercise-catalogue";
import { PATTERN_IDS, PATTERNS } from "@/lib/clinical/patterns";
import { CATEGORY_LABELS } from "@/lib/exercises/library";
import type { LibraryParams } from "@/lib/exercises/schemas";

/** A GET form: the filters live in the URL, so a search can be shared and reloaded. */
export function ExerciseFilterForm({ params }: { params: LibraryParams }) {
  return (
    <form role="search" action="/exercises" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-6 lg:items-end">
      <div className="grid gap-1.5 sm:col-span-2">
        <Label htmlFor="exercise-q">Name</Label>
        <Input id="exercise-q" name="q" type="search" defaultValue={params.q} placeholder="e.g. bridge, hamstring" />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="exercise-category">Category</Label>
        <NativeSelect id="exercise-category" name="category" defaultValue={params.category}>
          <option value="">All categories</option>
          {EXERCISE_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {CATEGORY_LABELS[c]}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="exercise-muscle">Muscle</Label>
        <NativeSelect id="exercise-muscle" name="muscle" defaultValue={params.muscle}>
          <option value="">All muscles</option>
          {Object.entries(MUSCLES).map(([id, label]) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="exercise-pattern">Pattern</Label>
        <NativeSelect id="exercise-pattern" name="pattern" defaultValue={params.pattern}>
          <option value="">All patterns</option>
          {PATTERN_IDS.map((p) => (
            <option key={p} value={p}>
              {PATTERNS[p].shortLabel}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="exercise-source">Source</Label>
        <NativeSelect id="exercise-source" name="source" defaultValue={params.source}>
          <option value="all">Built-in and ours</option>
          <option value="built-in">Built-in only</option>
          <option value="clinic">Our clinic&apos;s only</option>
        </NativeSelect>
      </div>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2 lg:col-span-6">
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="archived" value="1" defaultChecked={params.archived} className="size-4 accent-primary" />
          Show archived clinic exercises instead
        </label>
        <Button type="submit" variant="secondary">
          <Search className="size-4" aria-hidden />
          Search
        </Button>
      </div>
    </form>
  );
}
