package archive

import (
	"os"

	"golang.org/x/sys/unix"
)

// pseudoFSNames are the Linux kernel file systems whose files stat as
// regular but are not: their reads can wait on the kernel for ever
// (/proc/kmsg), or produce endless or live data.
var pseudoFSNames = map[int64]string{
	unix.PROC_SUPER_MAGIC:     "/proc",
	unix.SYSFS_MAGIC:          "/sys",
	unix.DEBUGFS_MAGIC:        "debugfs",
	unix.TRACEFS_MAGIC:        "tracefs",
	unix.SECURITYFS_MAGIC:     "securityfs",
	unix.CGROUP_SUPER_MAGIC:   "cgroup",
	unix.CGROUP2_SUPER_MAGIC:  "cgroup",
	unix.BPF_FS_MAGIC:         "bpf",
	unix.PSTOREFS_MAGIC:       "pstore",
	unix.EFIVARFS_MAGIC:       "efivarfs",
	unix.SELINUX_MAGIC:        "selinuxfs",
	unix.SMACK_MAGIC:          "smackfs",
	unix.BINFMTFS_MAGIC:       "binfmt_misc",
	unix.RDTGROUP_SUPER_MAGIC: "resctrl",
	unix.XENFS_SUPER_MAGIC:    "xenfs",
}

// pseudoFS names the kernel file system f is on, or "" for an ordinary one.
func pseudoFS(f *os.File) string {
	var st unix.Statfs_t
	for {
		err := unix.Fstatfs(int(f.Fd()), &st)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return ""
		}
		break
	}
	return pseudoFSNames[int64(st.Type)]
}
