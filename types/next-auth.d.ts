import type { DefaultSession } from "next-auth";
import type { Role } from "@/db/schema";

declare module "next-auth" {
  interface User {
    clinicId: string;
    clinicName: string;
    role: Role;
    mustChangePassword: boolean;
  }
  interface Session {
    user: {
      id: string;
      clinicId: string;
      clinicName: string;
      role: Role;
      mustChangePassword: boolean;
      signedInAt: number;
    } & DefaultSession["user"];
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    signedInAt: number;
    clinicId: string;
    clinicName: string;
    role: Role;
    mustChangePassword: boolean;
  }
}
