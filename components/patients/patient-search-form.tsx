import { Search } from "@/components/ui/icons";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";

/** A plain GET form: the search lives in the URL, so it can be shared and reloaded. */
export function PatientSearchForm({ q, status }: { q: string; status: string }) {
  return (
    <form role="search" action="/patients" className="flex flex-wrap items-end gap-3">
      <div className="grid min-w-56 flex-1 gap-1.5">
        <Label htmlFor="patient-q">Name or date of birth</Label>
        <Input id="patient-q" name="q" type="search" defaultValue={q} placeholder="e.g. Okafor, maya ok, 14/03/1975" />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="patient-status">Show</Label>
        <NativeSelect id="patient-status" name="status" defaultValue={status}>
          <option value="active">Active patients</option>
          <option value="archived">Archived patients</option>
          <option value="all">All patients</option>
        </NativeSelect>
      </div>
      <Button type="submit" variant="secondary">
        <Search className="size-4" aria-hidden />
        Search
      </Button>
    </form>
  );
}
