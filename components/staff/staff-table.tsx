import { Users } from "@/components/ui/icons";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import type { StaffMember } from "@/lib/staff/queries";
import { ROLE_LABELS } from "@/lib/staff/schemas";
import { StaffRowActions } from "./staff-row-actions";

type Props = { staff: StaffMember[]; currentUserId: string; timeZone: string; withFactor: string[] };

function formatLastSignIn(member: StaffMember, timeZone: string): string {
  return member.lastSignInAt ? formatDateTime(member.lastSignInAt, timeZone) : "Never";
}

function StatusCell({ member, hasFactor }: { member: StaffMember; hasFactor: boolean }) {
  if (member.deactivatedAt) return <Badge variant="secondary">Deactivated</Badge>;
  return (
    <div className="grid justify-items-start gap-1">
      <Badge variant="outline">Active</Badge>
      <span className="text-xs whitespace-normal text-muted-foreground">{hasFactor ? "Second step on" : "No second step"}</span>
      {member.mustChangePassword && <span className="text-xs whitespace-normal text-muted-foreground">Has not set a password yet</span>}
    </div>
  );
}

export function StaffTable({ staff, currentUserId, timeZone, withFactor }: Props) {
  const others = staff.filter((m) => m.id !== currentUserId).length;
  return (
    <div className="grid gap-6">
      <div className="rounded-md border">
        <Table>
          <TableCaption className="sr-only">Staff of the clinic, {staff.length} accounts</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead>Name</TableHead>
              <TableHead>Role</TableHead>
              <TableHead>Status</TableHead>
              <TableHead className="hidden lg:table-cell">Last sign-in</TableHead>
              <TableHead>
                <span className="sr-only">Actions</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {staff.map((member) => {
              const isSelf = member.id === currentUserId;
              return (
                <TableRow key={member.id} className={member.deactivatedAt ? "text-muted-foreground" : undefined}>
                  <TableCell className="max-w-64 whitespace-normal">
                    <div className="font-medium text-foreground">
                      {member.name}
                      {isSelf && <span className="font-normal text-muted-foreground"> (you)</span>}
                    </div>
                    <div className="text-xs break-all text-muted-foreground">{member.email}</div>
                    <div className="text-xs text-muted-foreground lg:hidden">Last sign-in: {formatLastSignIn(member, timeZone)}</div>
                  </TableCell>
                  <TableCell>{ROLE_LABELS[member.role]}</TableCell>
                  <TableCell>
                    <StatusCell member={member} hasFactor={withFactor.includes(member.id)} />
                  </TableCell>
                  <TableCell className="hidden lg:table-cell">{formatLastSignIn(member, timeZone)}</TableCell>
                  <TableCell>
                    {isSelf ? (
                      <span className="text-xs whitespace-normal text-muted-foreground">Another admin can change your account</span>
                    ) : (
                      <StaffRowActions
                        member={{ id: member.id, name: member.name, role: member.role, active: !member.deactivatedAt, hasFactor: withFactor.includes(member.id) }}
                      />
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
      {others === 0 && (
        <EmptyState
          icon={Users}
          title="No other staff yet"
          description="Add your practitioners so each signs in with their own account: every change they make is then recorded under their name."
        />
      )}
    </div>
  );
}
