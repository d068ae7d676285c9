//go:build unix

package archive

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"time"
)

// A folder memo is what a scan learnt of the archive's folders, for the
// next scan (ScanEachMemo): for each folder, its stamp (device, inode,
// modification and change times, as a stat of the folder gave them before
// it was listed) and what the listing found in it (its article names, its
// subfolders, and the names that make a folder a site's root). When a
// folder's stamp is the same at the next scan, its list of entries is the
// same: creating, removing or renaming an entry
// sets the folder's modification and change times to the current time, and
// the change time cannot be set back. So the next scan stats the
// remembered names without listing the folder; every file is still
// stated, so an edit in place is seen by its file's size and times.
//
// A stamp is remembered only when it cannot be confused with a later
// change: the folder's times are older than the scan's start by
// memoSettle (a change in the same tick of the file system's clock as the
// stamp would leave the times as they were), and the folder is on a file
// system known to keep folder times (trustedFolderTimes: ext2/3/4, XFS,
// Btrfs, tmpfs, F2FS on Linux; other systems always list). Only the
// system clock set back could give a later change the very nanosecond of
// a remembered stamp (as writing the disk behind the file system's back
// could anything): short of that, a stamp cannot lie.
//
// On disk (index.folderMemoName) it is binary: a header and the archive's
// root, the folders, and a CRC-32 of it all; anything that does not decode
// exactly is no memo.

// (3: a Hugo site's root folder remembers no article names, hugoRootFile;
// 4: nor is such a folder with article names remembered, its notes made
// by listing: hugoRootPage; 5: a folder's names hold its _index.html,
// IsHTMLSectionName, told of below a Hugo root alone; 6: a folder's subs
// hold its _drafts, which PassedIn passes over or not by its site's
// show_drafts: a memo of 5 left it out, and the drafts unread; 7: its
// names hold a language's _index.fr.html too, IsHTMLSectionName: a memo
// of 6 left it out, and its draft and cascade unread)
const memoMagic = "folio folder memo 7\n"

// memoFolder is one folder of a memo.
type memoFolder struct {
	stamp folderStamp
	subs  []string // subfolder names, to scan
	names nameList // article names and an _index.html (none at a Hugo site's root: hugoRootFile)
	sites []string // the names that make a folder a site's root (SiteConfigs)
}

// folderStamp is what a stat of a folder tells of its entries' changes.
type folderStamp struct {
	dev, ino     uint64
	mtime, ctime int64 // UnixNano
}

// folderMemo is a decoded memo: folders by path relative to the root ("."
// for the root).
type folderMemo struct {
	root    string
	folders map[string]*memoFolder
}

// folder is the memo of the folder dir, nil when m has none (or m is nil).
func (m *folderMemo) folder(dir string) *memoFolder {
	if m == nil {
		return nil
	}
	return m.folders[dir]
}

// settled reports whether a change to the folder after the stamp was
// taken must change it: its times are older than since (the scan's start)
// by memoSettle.
func (st folderStamp) settled(since time.Time) bool {
	limit := since.Add(-memoSettle).UnixNano()
	return st.mtime < limit && st.ctime < limit
}

// memoSettle is how much older than a scan a folder's times must be for
// its stamp to be remembered: well over a file system clock's tick (a few
// milliseconds; 2 s for FAT, which is not trusted anyway).
const memoSettle = 2 * time.Second

// encodeMemo writes the memo of the folders (paths relative to root).
func encodeMemo(root string, folders map[string]*memoFolder) []byte {
	b := []byte(memoMagic)
	str := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	str(root)
	b = binary.AppendUvarint(b, uint64(len(folders)))
	for dir, f := range folders {
		str(dir)
		for _, v := range []uint64{f.stamp.dev, f.stamp.ino, uint64(f.stamp.mtime), uint64(f.stamp.ctime)} {
			b = binary.LittleEndian.AppendUint64(b, v)
		}
		b = binary.AppendUvarint(b, uint64(len(f.subs)))
		for _, s := range f.subs {
			str(s)
		}
		b = binary.AppendUvarint(b, uint64(f.names.len()))
		b = binary.AppendUvarint(b, uint64(len(f.names.buf)))
		b = append(b, f.names.buf...)
		b = binary.AppendUvarint(b, uint64(len(f.sites)))
		for _, s := range f.sites {
			str(s)
		}
	}
	return binary.LittleEndian.AppendUint32(b, crc32.ChecksumIEEE(b))
}

// decodeMemo reads a memo of the folder root; nil when data is not
// exactly one. The names of the memo point into data.
func decodeMemo(root string, data []byte) *folderMemo {
	if len(data) < len(memoMagic)+4 || !bytes.HasPrefix(data, []byte(memoMagic)) {
		return nil
	}
	body := data[:len(data)-4]
	if crc32.ChecksumIEEE(body) != binary.LittleEndian.Uint32(data[len(body):]) {
		return nil
	}
	d := memoDecoder{b: body[len(memoMagic):]}
	if d.str() != root || d.bad {
		return nil
	}
	n := d.count()
	m := &folderMemo{root: root, folders: make(map[string]*memoFolder, n)}
	for range n {
		dir := d.str()
		var f memoFolder
		f.stamp.dev, f.stamp.ino = d.u64(), d.u64()
		f.stamp.mtime, f.stamp.ctime = int64(d.u64()), int64(d.u64())
		subs := d.count()
		for range subs {
			f.subs = append(f.subs, d.str())
		}
		names := d.count()
		f.names.buf = d.bytes(d.count())
		sites := d.count()
		for range sites {
			f.sites = append(f.sites, d.str())
		}
		if d.bad || !f.names.index(names) {
			return nil
		}
		m.folders[dir] = &f
	}
	if d.bad || len(d.b) != 0 {
		return nil
	}
	return m
}

// memoDecoder reads a memo's values; bad once one was not there.
type memoDecoder struct {
	b   []byte
	bad bool
}

func (d *memoDecoder) count() int {
	v, n := binary.Uvarint(d.b)
	if n <= 0 || v > uint64(len(d.b)) { // no count exceeds the bytes left
		d.bad = true
		return 0
	}
	d.b = d.b[n:]
	return int(v)
}

func (d *memoDecoder) bytes(n int) []byte {
	if d.bad || n > len(d.b) {
		d.bad = true
		return nil
	}
	v := d.b[:n:n]
	d.b = d.b[n:]
	return v
}

func (d *memoDecoder) str() string { return string(d.bytes(d.count())) }

func (d *memoDecoder) u64() uint64 {
	v := d.bytes(8)
	if v == nil {
		return 0
	}
	return binary.LittleEndian.Uint64(v)
}

// index finds the ends of the n names of l.buf: each non-empty and ended
// by a NUL, nothing after the last. false when buf is not that.
func (l *nameList) index(n int) bool {
	l.ends = make([]int, 0, n)
	for start := 0; start < len(l.buf); {
		i := bytes.IndexByte(l.buf[start:], 0)
		if i <= 0 {
			return false
		}
		l.ends = append(l.ends, start+i)
		start += i + 1
	}
	return len(l.ends) == n
}

// nameList is the article names of a folder, in one buffer: each name is
// followed by a NUL, so that it can be passed to the kernel as it is.
type nameList struct {
	buf  []byte
	ends []int // where each name's NUL is
}

func (l *nameList) add(name []byte) {
	l.buf = append(append(l.buf, name...), 0)
	l.ends = append(l.ends, len(l.buf)-1)
}

func (l *nameList) len() int { return len(l.ends) }

func (l *nameList) start(i int) int {
	if i == 0 {
		return 0
	}
	return l.ends[i-1] + 1
}

// without is the list less the names drop says to drop.
func (l *nameList) without(drop func(name string) bool) *nameList {
	out := &nameList{}
	for i := range l.len() {
		if !drop(string(l.name(i))) {
			out.add(l.name(i))
		}
	}
	return out
}

// name is the i-th name.
func (l *nameList) name(i int) []byte { return l.buf[l.start(i):l.ends[i]] }

// cName is the i-th name with its NUL.
func (l *nameList) cName(i int) []byte { return l.buf[l.start(i) : l.ends[i]+1] }
