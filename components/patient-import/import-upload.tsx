"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { FileUp } from "@/components/ui/icons";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { NativeSelect, NativeSelectOption } from "@/components/ui/native-select";
import { Progress } from "@/components/ui/progress";
import type { ActionState } from "@/lib/actions/state";
import { stageRowsAction, startImportAction } from "@/lib/patient-import/actions";
import {
  DATE_FORMAT_LABELS,
  DATE_FORMATS,
  guessDateFormat,
  guessMapping,
  guessSourceSystem,
  IMPORT_FIELD_LABELS,
  IMPORT_FIELDS,
  REQUIRED_FIELDS,
  SOURCE_LABELS,
  SOURCE_SYSTEMS,
  type DateFormat,
  type ImportField,
  type SourceSystem,
} from "@/lib/patient-import/columns";
import { chunkRows, parseCsvFile, type ParsedFile } from "./parse-file";

type Mapping = Partial<Record<ImportField, number>>;

function firstValue(rows: readonly string[][], index: number | undefined): string {
  if (index === undefined) return "";
  return rows.find((r) => (r[index] ?? "").trim() !== "")?.[index] ?? "";
}

/** Step 1 and 2: choose a file, then confirm the guessed mapping; the rows are sent in chunks for checking. */
export function ImportUpload() {
  const router = useRouter();
  const fileId = useId();
  const [file, setFile] = useState<ParsedFile | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [mapping, setMapping] = useState<Mapping>({});
  const [source, setSource] = useState<SourceSystem>("csv");
  const [dateFormat, setDateFormat] = useState<DateFormat>("dmy");
  const [state, setState] = useState<ActionState>({});
  const [sent, setSent] = useState<{ done: number; total: number } | null>(null);

  async function onFile(list: FileList | null) {
    setState({});
    const chosen = list?.[0];
    if (!chosen) return;
    const parsed = await parseCsvFile(chosen);
    if ("error" in parsed) {
      setFile(null);
      setFileError(parsed.error);
      return;
    }
    setFileError(undefined);
    const guessed = guessMapping(parsed.headers);
    setFile(parsed);
    setMapping(guessed);
    setSource(guessSourceSystem(parsed.headers));
    setDateFormat(guessDateFormat(parsed.rows.slice(0, 200).map((r) => (guessed.dateOfBirth === undefined ? "" : (r[guessed.dateOfBirth] ?? "")))));
  }

  async function check() {
    try {
      await send();
    } catch {
      // The request itself failed (network, server restart): nothing half-done is shown as done.
      setSent(null);
      setState({ ok: false, message: "The check stopped before it finished. Check the connection and try again." });
    }
  }

  async function send() {
    if (!file) return;
    const form = new FormData();
    form.set("sourceSystem", source);
    form.set("dateFormat", dateFormat);
    form.set("headers", JSON.stringify(file.headers));
    form.set("totalRows", String(file.rows.length));
    for (const field of IMPORT_FIELDS) form.set(field, mapping[field] === undefined ? "" : String(mapping[field]));
    setSent({ done: 0, total: file.rows.length });
    const started = await startImportAction({}, form);
    const importId = started.data?.importId;
    if (!started.ok || typeof importId !== "string") {
      setSent(null);
      setState(started);
      return;
    }
    let start = 0;
    for (const chunk of chunkRows(file.rows)) {
      const body = new FormData();
      body.set("importId", importId);
      body.set("start", String(start));
      body.set("rows", JSON.stringify(chunk));
      const staged = await stageRowsAction({}, body);
      if (!staged.ok) {
        setSent(null);
        setState(staged);
        return;
      }
      start += chunk.length;
      setSent({ done: start, total: file.rows.length });
    }
    router.refresh();
  }

  const busy = sent !== null;
  return (
    <Card>
      <CardHeader>
        <CardTitle asChild>
          <h2>Choose a file</h2>
        </CardTitle>
        <CardDescription>
          A CSV file of patients exported from Cliniko, Jane or another system, with a header row. Nothing is added to the patient list until you have
          seen the check of every row and chosen to import.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-6">
        <Field label="CSV file" id={fileId} errors={fileError ?? state.errors?.totalRows ?? state.errors?.headers} description="Up to 10 MB and 20,000 rows.">
          <Input type="file" accept=".csv,text/csv" disabled={busy} onChange={(e) => void onFile(e.currentTarget.files)} />
        </Field>
        {file && (
          <form
            className="grid gap-6"
            onSubmit={(e) => {
              e.preventDefault();
              void check();
            }}
          >
            <p className="text-sm text-muted-foreground">
              {file.rows.length.toLocaleString("en")} rows and {file.headers.length} columns. Check which column feeds which field: the guesses are
              filled in.
            </p>
            <div className="grid gap-4 sm:grid-cols-2">
              <Field label="The file comes from" errors={state.errors?.sourceSystem} description="Patients are matched by this system's id on a later import.">
                <NativeSelect name="sourceSystem" value={source} onChange={(e) => setSource(e.currentTarget.value as SourceSystem)} disabled={busy}>
                  {SOURCE_SYSTEMS.map((s) => (
                    <NativeSelectOption key={s} value={s}>
                      {SOURCE_LABELS[s]}
                    </NativeSelectOption>
                  ))}
                </NativeSelect>
              </Field>
              <Field label="Dates are written as" errors={state.errors?.dateFormat}>
                <NativeSelect name="dateFormat" value={dateFormat} onChange={(e) => setDateFormat(e.currentTarget.value as DateFormat)} disabled={busy}>
                  {DATE_FORMATS.map((f) => (
                    <NativeSelectOption key={f} value={f}>
                      {DATE_FORMAT_LABELS[f]}
                    </NativeSelectOption>
                  ))}
                </NativeSelect>
              </Field>
            </div>
            <fieldset className="grid gap-4 sm:grid-cols-2">
              <legend className="mb-2 text-sm font-medium">Columns</legend>
              {IMPORT_FIELDS.map((field) => {
                const sample = firstValue(file.rows, mapping[field]);
                return (
                  <Field
                    key={field}
                    label={IMPORT_FIELD_LABELS[field]}
                    required={REQUIRED_FIELDS.includes(field)}
                    errors={state.errors?.[field]}
                    description={mapping[field] === undefined ? "Not in the file" : sample ? `First value: ${sample.slice(0, 60)}` : "Empty in every row"}
                  >
                    <NativeSelect
                      name={field}
                      value={mapping[field] === undefined ? "" : String(mapping[field])}
                      disabled={busy}
                      onChange={(e) => {
                        const value = e.currentTarget.value;
                        setMapping((m) => ({ ...m, [field]: value === "" ? undefined : Number(value) }));
                      }}
                    >
                      <NativeSelectOption value="">Not in the file</NativeSelectOption>
                      {file.headers.map((h, i) => (
                        <NativeSelectOption key={i} value={String(i)}>
                          {h || `Column ${i + 1}`}
                        </NativeSelectOption>
                      ))}
                    </NativeSelect>
                  </Field>
                );
              })}
            </fieldset>
            <FormMessage state={state} focusOnError />
            {sent && (
              <div className="grid gap-2">
                <Progress value={sent.done} max={sent.total} aria-label="Rows checked" />
                <p className="text-sm text-muted-foreground" aria-live="polite">
                  Checking rows: {sent.done.toLocaleString("en")} of {sent.total.toLocaleString("en")}
                </p>
              </div>
            )}
            <div>
              <Button type="submit" disabled={busy}>
                <FileUp aria-hidden />
                Check the rows
              </Button>
            </div>
          </form>
        )}
      </CardContent>
    </Card>
  );
}
