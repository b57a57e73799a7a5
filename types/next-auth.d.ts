import type { DefaultSession } from "next-auth";
import type { Role } from "@/db/schema";

declare module "next-auth" {
  interface User {
    clinicId: string;
    clinicName: string;
    role: Role;
    mustChangePassword: boolean;
    sessionId: string;
  }
  interface Session {
    user: {
      id: string;
      clinicId: string;
      clinicName: string;
      role: Role;
      mustChangePassword: boolean;
      signedInAt: number;
      sessionId: string;
    } & DefaultSession["user"];
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    signedInAt: number;
    /** The auth_session row this token stands for. */
    sid: string;
    clinicId: string;
    clinicName: string;
    role: Role;
    mustChangePassword: boolean;
  }
}
