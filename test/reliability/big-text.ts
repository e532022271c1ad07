// Long made-up Thai articles for the large-article tests and bench: sentences written for this
// purpose, shuffled by a fixed pseudo-random sequence so that lines do not repeat in step.
const SENTENCES = [
	'เช้าวันนี้ฝนตกหนักทั่วเมือง ผู้คนจำนวนมากรอรถประจำทางอยู่ใต้หลังคาป้ายรถ',
	'ร้านกาแฟเล็ก ๆ ริมคลองเปิดตั้งแต่ตีห้า เจ้าของร้านบอกว่าลูกค้าประจำมาก่อนเสมอ',
	'คณะกรรมการหมู่บ้านประชุมกันเรื่องการซ่อมสะพานไม้ที่ผุพังมานานหลายปี',
	'นักเรียนชั้นมัธยมสามสิบคนเดินทางไปทัศนศึกษาที่พิพิธภัณฑ์วิทยาศาสตร์ในวันศุกร์',
	'ราคาผักในตลาดเช้าสูงขึ้นเล็กน้อยเพราะน้ำท่วมแปลงปลูกทางตอนเหนือของจังหวัด',
	'ห้องสมุดประชาชนขยายเวลาเปิดถึงสามทุ่ม เพื่อให้คนทำงานได้มายืมหนังสือหลังเลิกงาน',
	'ทีมฟุตบอลเยาวชนของตำบลชนะการแข่งขันรอบคัดเลือกด้วยคะแนน 2-1 เมื่อเย็นวานนี้',
	'ชาวสวนเริ่มเก็บทุเรียนรุ่นแรกของปี และคาดว่าผลผลิตจะดีกว่าปีก่อนราว 15 เปอร์เซ็นต์',
	'The river festival starts on Saturday with boat races and a night market.',
	'เทศบาลขอความร่วมมือให้ทุกบ้านแยกขยะเปียกและขยะแห้งก่อนนำออกมาวางหน้าบ้าน',
	'คุณยายสอนหลาน ๆ ทำขนมไทยโบราณในครัวหลังบ้านทุกวันอาทิตย์',
	'โรงพยาบาลชุมชนเปิดคลินิกพิเศษตรวจสุขภาพผู้สูงอายุโดยไม่เสียค่าใช้จ่าย',
];

/** About `chars` UTF-16 units of text: one paragraph (sentences joined by spaces) or many (a blank line every few sentences). */
export function bigThaiText(chars: number, shape: 'one' | 'many', seed = 1): string {
	const parts: string[] = [];
	let length = 0;
	let state = seed >>> 0 || 1;
	let sentence = 0;
	while (length < chars) {
		state = (Math.imul(state, 1103515245) + 12345) >>> 0;
		const s = SENTENCES[(state >>> 16) % SENTENCES.length]!;
		const joint = shape === 'many' && ++sentence % 5 === 0 ? '\n\n' : ' ';
		parts.push(s, joint);
		length += s.length + joint.length;
	}
	return parts.join('').trimEnd() + '\n';
}
