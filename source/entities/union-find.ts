// Disjoint sets over growing integer ids (path halving, union by size).

export class UnionFind {
	private parent = new Int32Array(1024);
	private size = new Int32Array(1024);
	private count = 0;

	get length(): number {
		return this.count;
	}

	add(): number {
		if (this.count === this.parent.length) {
			const parent = new Int32Array(this.parent.length * 2);
			parent.set(this.parent);
			const size = new Int32Array(this.size.length * 2);
			size.set(this.size);
			this.parent = parent;
			this.size = size;
		}
		const id = this.count++;
		this.parent[id] = id;
		this.size[id] = 1;
		return id;
	}

	find(x: number): number {
		const parent = this.parent;
		while (parent[x] !== x) {
			parent[x] = parent[parent[x]!]!;
			x = parent[x]!;
		}
		return x;
	}

	union(a: number, b: number): number {
		let ra = this.find(a);
		let rb = this.find(b);
		if (ra === rb) return ra;
		if (this.size[ra]! < this.size[rb]!) [ra, rb] = [rb, ra];
		this.parent[rb] = ra;
		this.size[ra]! += this.size[rb]!;
		return ra;
	}

	/** An independent copy (corrections merge and split on a copy, never on the builder's sets). */
	clone(): UnionFind {
		const copy = new UnionFind();
		copy.parent = this.parent.slice();
		copy.size = this.size.slice();
		copy.count = this.count;
		return copy;
	}
}
