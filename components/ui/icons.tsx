import type { SVGProps } from "react";
import { cn } from "@/lib/utils";
import { ICON_SPRITE_VERSION } from "./icon-sprite-version";

/**
 * The app's icons, drawn from one SVG sprite instead of inlined paths. Each
 * icon on a page is an <svg> holding a single <use> of a symbol in
 * /icons.svg (scripts/icons/build.ts renders the symbols from Lucide:
 * npm run icons), so its paths are neither rendered on the server, nor
 * repeated in the HTML and again in the RSC payload of every page, nor
 * shipped in client bundles. The sprite is one file, cached for good under
 * its version (next.config.ts).
 *
 * Lucide's drawing attributes (no fill; a stroke of width 2 in its 24-unit
 * box, round caps and joins, in currentColor) sit in each symbol, so a text
 * colour class still colours the icon, and an icon here costs about a hundred
 * bytes of markup.
 */
export const ICON_SPRITE_PATH = "/icons.svg";
const SPRITE_URL = `${ICON_SPRITE_PATH}?v=${ICON_SPRITE_VERSION}`;

export type IconProps = Omit<SVGProps<SVGSVGElement>, "children" | "ref">;

/** An icon's component type, where a component takes one as a prop. */
export type IconComponent = ((props: IconProps) => React.JSX.Element) & { iconName: string };

function spriteIcon(name: string): IconComponent {
  function Icon({ className, ...props }: IconProps) {
    // Decorative unless labelled, as Lucide's are.
    const labelled = props["aria-label"] !== undefined || props["aria-labelledby"] !== undefined;
    return (
      <svg width={24} height={24} aria-hidden={labelled ? undefined : true} className={cn("lucide", className)} {...props}>
        <use href={`${SPRITE_URL}#${name}`} />
      </svg>
    );
  }
  Icon.displayName = `${name}Icon`;
  return Object.assign(Icon, { iconName: name });
}

// One line per icon the app uses, named as Lucide exports them; the sprite holds exactly these.
export const Activity = spriteIcon("Activity");
export const Archive = spriteIcon("Archive");
export const ArchiveRestore = spriteIcon("ArchiveRestore");
export const ArrowDown = spriteIcon("ArrowDown");
export const ArrowRight = spriteIcon("ArrowRight");
export const ArrowUp = spriteIcon("ArrowUp");
export const Award = spriteIcon("Award");
export const BarChart3 = spriteIcon("BarChart3");
export const BedSingle = spriteIcon("BedSingle");
export const BellRing = spriteIcon("BellRing");
export const CalendarClock = spriteIcon("CalendarClock");
export const CalendarDays = spriteIcon("CalendarDays");
export const CalendarPlus = spriteIcon("CalendarPlus");
export const ChartLine = spriteIcon("ChartLine");
export const ChartNoAxesCombined = spriteIcon("ChartNoAxesCombined");
export const Check = spriteIcon("Check");
export const ChevronDown = spriteIcon("ChevronDown");
export const ChevronFirst = spriteIcon("ChevronFirst");
export const ChevronLast = spriteIcon("ChevronLast");
export const ChevronLeft = spriteIcon("ChevronLeft");
export const ChevronRight = spriteIcon("ChevronRight");
export const ChevronUp = spriteIcon("ChevronUp");
export const Circle = spriteIcon("Circle");
export const CircleCheck = spriteIcon("CircleCheck");
export const ClipboardCheck = spriteIcon("ClipboardCheck");
export const ClipboardList = spriteIcon("ClipboardList");
export const ClipboardPen = spriteIcon("ClipboardPen");
export const Copy = spriteIcon("Copy");
export const Download = spriteIcon("Download");
export const Dumbbell = spriteIcon("Dumbbell");
export const Eye = spriteIcon("Eye");
export const FileDown = spriteIcon("FileDown");
export const FilePenLine = spriteIcon("FilePenLine");
export const FileUp = spriteIcon("FileUp");
export const Filter = spriteIcon("Filter");
export const Globe = spriteIcon("Globe");
export const History = spriteIcon("History");
export const Inbox = spriteIcon("Inbox");
export const Info = spriteIcon("Info");
export const KeyRound = spriteIcon("KeyRound");
export const Laptop = spriteIcon("Laptop");
export const LayoutDashboard = spriteIcon("LayoutDashboard");
export const LineChart = spriteIcon("LineChart");
export const Loader2 = spriteIcon("Loader2");
export const LogOut = spriteIcon("LogOut");
export const Mail = spriteIcon("Mail");
export const MailX = spriteIcon("MailX");
export const Menu = spriteIcon("Menu");
export const Minus = spriteIcon("Minus");
export const Moon = spriteIcon("Moon");
export const MoreHorizontal = spriteIcon("MoreHorizontal");
export const OctagonAlert = spriteIcon("OctagonAlert");
export const Pencil = spriteIcon("Pencil");
export const Plus = spriteIcon("Plus");
export const Printer = spriteIcon("Printer");
export const Rss = spriteIcon("Rss");
export const ScrollText = spriteIcon("ScrollText");
export const Search = spriteIcon("Search");
export const SearchX = spriteIcon("SearchX");
export const Send = spriteIcon("Send");
export const Settings = spriteIcon("Settings");
export const Share2 = spriteIcon("Share2");
export const ShieldAlert = spriteIcon("ShieldAlert");
export const ShieldCheck = spriteIcon("ShieldCheck");
export const Siren = spriteIcon("Siren");
export const Sparkles = spriteIcon("Sparkles");
export const Stethoscope = spriteIcon("Stethoscope");
export const Sun = spriteIcon("Sun");
export const Table = spriteIcon("Table");
export const Trash2 = spriteIcon("Trash2");
export const TrendingDown = spriteIcon("TrendingDown");
export const TriangleAlert = spriteIcon("TriangleAlert");
export const Upload = spriteIcon("Upload");
export const User = spriteIcon("User");
export const UserPlus = spriteIcon("UserPlus");
export const UserRound = spriteIcon("UserRound");
export const Users = spriteIcon("Users");
export const X = spriteIcon("X");
