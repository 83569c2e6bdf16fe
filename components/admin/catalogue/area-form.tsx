import { ActionForm } from "@/components/ui/action-form";
import { saveArea } from "@/lib/actions/catalogue";
import type { CatalogueArea } from "@/lib/domain/catalogue";

/** Renames or re-describes an area; the fingerprint of the wording shown refuses a save over someone else's. */
export function AreaForm({ area }: { area: CatalogueArea }) {
  return (
    <ActionForm
      label="Edit the area"
      action={saveArea}
      fields={[
        { name: "areaId", label: "", type: "hidden", defaultValue: area.id },
        { name: "fingerprint", label: "", type: "hidden", defaultValue: area.fingerprint },
        { name: "name", label: "Name", type: "text", defaultValue: area.name, hint: "Unique: no two areas share a name." },
        { name: "description", label: "Description", type: "textarea", defaultValue: area.description },
      ]}
      buttons={[{ label: "Save the area" }]}
    />
  );
}
